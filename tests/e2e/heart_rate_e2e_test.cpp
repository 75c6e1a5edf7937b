#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

using runload::test::run_runload;
using runload::test::RunResult;
using runload::test::TempDir;
using Json = nlohmann::json;

namespace {

RunResult run(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> full{"--db", (dir / "hr.db").string(), "--athlete", "ann", "--tz",
                                "UTC"};
  full.insert(full.end(), args.begin(), args.end());
  return run_runload(full);
}

// `athletes set ann ...` (it names its athlete itself).
RunResult set(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", (dir / "hr.db").string(), "athletes", "set", "ann"});
  return run_runload(args);
}

Json json_of(const RunResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

// 30 minutes at 3 m/s north from Monday 2026-09-07 07:00 UTC, a point every
// 5 s, every one at 150 bpm (Garmin's TrackPointExtension): 1,800 s at 150.
std::string constant_150_bpm_gpx(const TempDir& dir) {
  std::string gpx =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
      "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"
      "<trk><type>running</type><trkseg>\n";
  // 15 m a step: 15 / 111,195.08 m a degree.
  for (int t = 0; t <= 1800; t += 5)
    gpx += fmt::format(
        "<trkpt lat=\"{:.7f}\" lon=\"13.0\"><ele>30</ele><time>2026-09-07T07:{:02}:{:02}Z</time>"
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>\n",
        52.0 + 3.0 * t / 111195.08, t / 60, t % 60);
  gpx += "</trkseg></trk></gpx>\n";
  return dir.write("constant_150_bpm.gpx", gpx).string();
}

// `text` with each line break and the indent after it as one space: the
// terminal wraps long lines.
std::string unwrapped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    out += ' ';
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
  }
  return out;
}

}  // namespace

TEST_CASE("e2e heart rate: a GPX at 150 bpm gives TRIMP fitness once resting and maximum are set",
          "[e2e][heart_rate]") {
  TempDir dir;
  REQUIRE(run(dir, {"import", constant_150_bpm_gpx(dir)}).exit_code == 0);

  // Without the athlete's heart rates the distance series stands alone.
  auto doc = json_of(run(dir, {"report", "--week", "2026-W37", "--json"}));
  REQUIRE(doc["fitness"].is_object());
  CHECK(doc["fitness"]["trimp"].is_null());
  CHECK(doc["fitness"]["load"].get<std::string>().rfind("running distance", 0) == 0);

  // Ranges are refused by name, and a resting rate not below the maximum.
  auto refused = set(dir, {"--hr-rest", "20"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("--hr-rest must be a resting heart rate from 25 to 120"));
  refused = set(dir, {"--hr-max", "250"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("--hr-max must be a maximum heart rate from 100 to 230"));
  refused = set(dir, {"--hr-rest", "110", "--hr-max", "105"});
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("must be below the maximum"));

  // Set later, without a re-import: HRr = (150 - 50) / (190 - 50) = 5/7, the
  // run's TRIMP 30 x 5/7 x 0.64 x e^(1.92 x 5/7) = 54.048 (the men's factor:
  // sex not set). On the Sunday, 6 days on: CTL 54.048 x (1 - e^(-1/42)) x
  // e^(-6/42) = 1.102, ATL 54.048 x (1 - e^(-1/7)) x e^(-6/7) = 3.053, TSB
  // (the day's starting form, Saturday's) 1.129 - 3.522 = -2.393.
  const auto ok = set(dir, {"--hr-rest", "50", "--hr-max", "190"});
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("resting heart rate 50 bpm, maximum 190 bpm"));
  doc = json_of(run(dir, {"report", "--week", "2026-W37", "--json"}));
  const auto& trimp = doc["fitness"]["trimp"];
  REQUIRE(trimp.is_object());
  CHECK(trimp["ctl"] == Approx(1.1));
  CHECK(trimp["atl"] == Approx(3.1));
  CHECK(trimp["tsb"] == Approx(-2.4));
  CHECK(trimp["factor"] == "men");
  CHECK(trimp["sex_known"] == false);
  CHECK(trimp["hr_rest"] == 50);
  CHECK(trimp["hr_max"] == 190);
  CHECK(trimp["coverage"]["runs"] == 1);
  CHECK(trimp["coverage"]["runs_with_hr"] == 1);
  CHECK(trimp["coverage"]["share"] == 1.0);
  // The distance series keeps its names and values: 5.4 km that Monday.
  CHECK(doc["fitness"]["ctl"] ==
        Approx(5.4 * (1 - std::exp(-1.0 / 42)) * std::exp(-6.0 / 42)).margin(0.001));
  CHECK(doc["weeks"].back()["fitness"]["trimp"]["ctl"] == Approx(1.1));

  // Sex picks the factor: the women's, 0.86 x e^(1.67 x HRr), CTL 1.239.
  REQUIRE(set(dir, {"--sex", "female"}).exit_code == 0);
  doc = json_of(run(dir, {"report", "--week", "2026-W37", "--json"}));
  CHECK(doc["fitness"]["trimp"]["ctl"] == Approx(1.2));
  CHECK(doc["fitness"]["trimp"]["factor"] == "women");

  // The terminal says it on the fitness lines, within 80 columns: with the
  // women's factor CTL 1.239, ATL 3.432, TSB -2.690, to whole TRIMP.
  const auto text = run(dir, {"report", "--week", "2026-W37"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(unwrapped(text.out), Catch::Contains("on heart rate: 1 CTL, 3 ATL, form -3 TSB "
                                                  "(TRIMP a day); 1 of 1 runs of the last 42 "
                                                  "days had heart rate"));
  CHECK_THAT(unwrapped(text.out), Catch::Contains("resting 50 and maximum 190 bpm, the women's "
                                                  "factor"));
  std::size_t start = 0;
  while (start < text.out.size()) {
    const auto end = text.out.find('\n', start);
    const auto line = text.out.substr(start, end == std::string::npos ? end : end - start);
    if (line.find("heart rate") != std::string::npos || line.find("TRIMP") != std::string::npos)
      CHECK(line.size() <= 80);
    if (end == std::string::npos) break;
    start = end + 1;
  }

  // The HTML charts it.
  const auto html = run(dir, {"report", "--week", "2026-W37", "--html", "-"});
  REQUIRE(html.exit_code == 0);
  CHECK_THAT(html.out, Catch::Contains("on heart rate, TRIMP a day"));
}
