#include <catch2/catch.hpp>

#include <runload/text/escape.hpp>
#include <runload/text/layout.hpp>
#include <runload/text/utf8.hpp>

using namespace runload::text;

TEST_CASE("text: display width counts code points and skips ANSI escapes", "[text]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("█▌ é") == 4);
  CHECK(display_width("\x1b[1m\x1b[31mHIGH\x1b[0m") == 4);
}

TEST_CASE("text: wrap keeps lines within the width and cuts overlong words", "[text]") {
  const auto lines = wrap("one two three four five six seven", 9);
  for (const auto& line : lines) CHECK(display_width(line) <= 9);
  CHECK(lines.front() == "one two");
  CHECK(wrap("abcdefghijkl", 5) == std::vector<std::string>{"abcd…"});
  CHECK(wrap("", 5) == std::vector<std::string>{""});
}

TEST_CASE("text: control characters and bad bytes are made visible", "[text]") {
  CHECK(terminal_safe("a\x1b[31mb\n\xff") == "a\\e[31mb\\n\\xFF");
  CHECK(terminal_safe("Zoë ☃") == "Zoë ☃");
  CHECK(html_escape("<a href='x'>&\"</a>\x01") ==
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\xEF\xBF\xBD");
}

TEST_CASE("text: one escaping for every user string, with newlines kept on request", "[text]") {
  CHECK(terminal_safe("plain 🏃 text") == "plain 🏃 text");
  CHECK(terminal_safe("red \x1b[31m bell \a") == "red \\e[31m bell \\x07");
  CHECK(terminal_safe("a\nb\tc") == "a\\nb\\tc");
  CHECK(terminal_safe("a\nb\tc", KeepNewlines::yes) == "a\nb\tc");
  CHECK(terminal_safe("c1 \xC2\x9B x") == "c1 \\u009B x");
  CHECK(terminal_safe("bad \xFF byte") == "bad \\xFF byte");
  CHECK(terminal_safe("del \x7F cr \r") == "del \\x7F cr \\r");
}

TEST_CASE("text: a UTF-8 sequence is well formed or has length 0", "[text][utf8]") {
  CHECK(sequence_length("a", 0) == 1);
  CHECK(sequence_length("\xC3\xA9", 0) == 2);      // é
  CHECK(sequence_length("\xE2\x98\x83", 0) == 3);  // ☃
  CHECK(sequence_length("\xF0\x9F\x8F\x83", 0) == 4);
  CHECK(sequence_length("\xC0\xAF", 0) == 0);          // overlong '/'
  CHECK(sequence_length("\xE0\x80\xAF", 0) == 0);      // overlong '/'
  CHECK(sequence_length("\xED\xA0\x80", 0) == 0);      // surrogate U+D800
  CHECK(sequence_length("\xF4\x90\x80\x80", 0) == 0);  // U+110000
  CHECK(sequence_length("\xE2\x98", 0) == 0);          // truncated
  CHECK(sequence_length("\x80", 0) == 0);              // stray continuation
  CHECK(code_point("\xE2\x98\x83", 0, 3) == U'\u2603');
}

TEST_CASE("text: first_bad_byte finds a NUL or the first byte that is not UTF-8", "[text][utf8]") {
  CHECK_FALSE(first_bad_byte("Zoë ☃").has_value());
  CHECK(first_bad_byte(std::string_view("ab\0c", 4)) == 2u);
  CHECK(first_bad_byte("ok \xFF") == 3u);
  CHECK(first_bad_byte("ok \xE2\x98") == 3u);
}

TEST_CASE("text: a name must be non-empty printable text", "[text]") {
  using runload::text::printable_text_problem;
  CHECK_FALSE(printable_text_problem("Lena").has_value());
  CHECK_FALSE(printable_text_problem("Zoë Müller-Lüdenscheidt").has_value());
  CHECK_FALSE(printable_text_problem("  padded  ").has_value());
  CHECK(printable_text_problem("") == "is empty");
  CHECK(printable_text_problem("   ") == "is blank");
  CHECK(printable_text_problem("\xC2\xA0") == "is blank");
  CHECK(printable_text_problem("ann\n") == "holds a control character (byte 3 is \\n)");
  CHECK(printable_text_problem("a\tb") == "holds a control character (byte 1 is \\t)");
  CHECK(printable_text_problem("\x1b[31mred") == "holds a control character (byte 0 is \\e)");
  CHECK(printable_text_problem("x\xC2\x9B") == "holds a control character (byte 1 is \\u009B)");
  CHECK(printable_text_problem("caf\xE9") == "is not UTF-8 text (byte 3 is 0xE9)");
}
