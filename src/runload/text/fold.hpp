#pragma once
// Text folded for matching words across languages and writers: a header
// cell of a localised export ("Fréquence cardiaque moyenne"), a sport label
// ("Course à pied", "Futás"), a month name ("févr."). Folding is lossy on
// purpose and never shown to the user.

#include <string>
#include <string_view>

namespace runload::text {

// `text` with:
// - letters in lower case and without their diacritics, for Latin-1 and
//   Latin Extended-A (A-Z, À-ÿ, Ā-ſ: "É" and "é" become "e", "ő" becomes
//   "o", "ß" becomes "ss", "Ø" becomes "o", "Æ" becomes "ae");
// - typographic apostrophes (U+2018, U+2019, U+02BC) as "'";
// - every run of white space (space, tab, CR, LF, U+00A0 and U+202F no-break
//   spaces, U+2009 thin space, a UTF-8 byte-order mark) as one space, none at
//   either end.
// Other characters, and bytes that are not UTF-8, pass through unchanged.
std::string fold_for_matching(std::string_view text);

}  // namespace runload::text
