#include <catch2/catch.hpp>

#include <runload/report/text.hpp>

using namespace runload::report;

TEST_CASE("text: display width counts code points and skips ANSI escapes", "[report][text]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("█▌ é") == 4);
  CHECK(display_width("\x1b[1m\x1b[31mHIGH\x1b[0m") == 4);
}

TEST_CASE("text: wrap keeps lines within the width and cuts overlong words", "[report][text]") {
  const auto lines = wrap("one two three four five six seven", 9);
  for (const auto& line : lines) CHECK(display_width(line) <= 9);
  CHECK(lines.front() == "one two");
  CHECK(wrap("abcdefghijkl", 5) == std::vector<std::string>{"abcd…"});
  CHECK(wrap("", 5) == std::vector<std::string>{""});
}

TEST_CASE("text: control characters and bad bytes are made visible", "[report][text]") {
  CHECK(terminal_safe("a\x1b[31mb\n\xff") == "a\\e[31mb\\n\\xFF");
  CHECK(terminal_safe("Zoë ☃") == "Zoë ☃");
  CHECK(html_escape("<a href='x'>&\"</a>\x01") ==
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\xEF\xBF\xBD");
}
