#include <catch2/catch.hpp>

#include <runload/text/fold.hpp>

using runload::text::fold_for_matching;

TEST_CASE("text: fold_for_matching drops case and accents, unifies apostrophes and spaces",
          "[text][fold]") {
  CHECK(fold_for_matching("Fréquence cardiaque moyenne") == "frequence cardiaque moyenne");
  CHECK(fold_for_matching("FRÉQUENCE  CARDIAQUE\tMOYENNE ") == "frequence cardiaque moyenne");
  CHECK(fold_for_matching("Type d\u2019activité") == "type d'activite");
  CHECK(fold_for_matching("Aktivitätsausrüstung") == "aktivitatsausrustung");
  CHECK(fold_for_matching("Straße") == "strasse");
  CHECK(fold_for_matching("Teljes süllyedés") == "teljes sullyedes");
  CHECK(fold_for_matching("Átlagos pulzusszám") == "atlagos pulzusszam");
  CHECK(fold_for_matching("ő ű Ø Æ ç ñ") == "o u o ae c n");
  CHECK(fold_for_matching("\xEF\xBB\xBF"
                          "Activity ID") == "activity id");  // a BOM
  CHECK(fold_for_matching("8:55:48\u202FPM") == "8:55:48 pm");
  CHECK(fold_for_matching("") == "");
  // Signs and other scripts pass through; bytes that are not UTF-8 too.
  CHECK(fold_for_matching("Eingesparte CO₂-Emissionen") == "eingesparte co₂-emissionen");
  CHECK(fold_for_matching("a\xFF"
                          "b") ==
        "a\xFF"
        "b");
  CHECK(fold_for_matching("×÷") == "×÷");
}
