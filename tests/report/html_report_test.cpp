#include <catch2/catch.hpp>

#include <runload/report/html_report.hpp>

#include "report/reports.hpp"

using namespace runload::report;
using namespace runload::report::test;

TEST_CASE("html_report: names and notes are escaped", "[report][html]") {
  const auto page = html_report(meta("<script>alert('x')</script> & Co"), analysed_report());
  CHECK(page.find("<script") == std::string::npos);
  CHECK_THAT(page, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
  CHECK_THAT(page, Catch::Contains("sharp pain at the heel &lt;b&gt;"));
  CHECK_THAT(page, Catch::Contains("\xEF\xBF\xBD[31m"));
  CHECK(page.find('\x1b') == std::string::npos);
}

TEST_CASE("html_report: one self-contained page with charts and flag cards", "[report][html]") {
  const auto page = html_report(meta(), analysed_report());
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_THAT(page, Catch::Contains("<svg"));
  CHECK_THAT(page, Catch::Contains("<style>"));
  CHECK_THAT(page, Catch::Contains("class=\"card urgent\""));
  CHECK_THAT(page, Catch::Contains("URGENT"));
  CHECK_THAT(page, Catch::Contains("Frandsen et al., Br J Sports Med 2025"));
  CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));
  CHECK(page.find("https://") == std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
}
