#include <catch2/catch.hpp>

#include <string>

#include <runload/import/format_detect.hpp>

#include "support/temp_dir.hpp"

using namespace runload::import;
using namespace std::string_literals;

namespace {
std::string fixture(const char* path) {
  return runload::test::read_file(runload::test::source_dir() / "tests/fixtures" / path);
}
}  // namespace

TEST_CASE("format_detect: CSV dialects are told apart by their header", "[import][detect]") {
  CHECK(detect_format(fixture("csv/strava_duplicate_distance_columns.csv"), "a.csv") ==
        Format::strava_csv);
  CHECK(detect_format(fixture("csv/strava_bom_crlf.csv"), "a.csv") == Format::strava_csv);
  CHECK(detect_format(fixture("csv/strava_german_localised.csv"), "a.csv") == Format::strava_csv);
  CHECK(detect_format(fixture("csv/garmin_decimal_comma_thousands_dot.csv"), "Activities.csv") ==
        Format::garmin_csv);
  CHECK(detect_format(fixture("csv/runload_simple.csv"), "log.csv") == Format::runload_csv);
  CHECK(detect_format("name,age\nx,1\n", "people.csv") == Format::unknown);
}

TEST_CASE("format_detect: XML roots name GPX and TCX whatever the extension", "[import][detect]") {
  CHECK(detect_format(fixture("gpx/tpx_v1_ns3_prefix_hr_cad.gpx"), "x.xml") == Format::gpx);
  CHECK(detect_format(fixture("gpx/bom_crlf_no_namespace_empty_ele.gpx"), "x") == Format::gpx);
  CHECK(detect_format(fixture("gpx/doctype_entity_expansion.gpx"), "x") == Format::gpx);
  CHECK(detect_format("<?xml version=\"1.0\"?>\n<!-- a comment -->\n<TrainingCenterDatabase "
                      "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">",
                      "run.gpx") == Format::tcx);
}

TEST_CASE("format_detect: binary magics for FIT, gzip and zip", "[import][detect]") {
  const std::string fit = "\x0e\x10\x43\x08\x00\x00\x00\x00.FIT\x00\x00"s;
  CHECK(detect_format(fit, "x.bin") == Format::fit);
  CHECK(detect_format("\x1f\x8b\x08\x00"s, "x.gpx.gz") == Format::gzip);
  CHECK(detect_format("PK\x03\x04\x14\x00"s, "export.bin") == Format::zip);
}

TEST_CASE("format_detect: the extension decides when the content does not", "[import][detect]") {
  CHECK(detect_format("", "empty.gpx") == Format::gpx);
  CHECK(detect_format("garbage", "RUN.FIT") == Format::fit);
  CHECK(detect_format("garbage", "notes.txt") == Format::unknown);
  CHECK(describe(Format::unknown) == "unknown format");
  CHECK(describe(Format::garmin_csv) == "Garmin Connect activities CSV");
}

TEST_CASE("format_detect: the corpus files are recognised", "[import][detect][corpus]") {
  const auto corpus = runload::test::corpus_dir();
  if (corpus.empty()) {
    WARN("corpus not found (/work/shared/corpus): skipped");
    return;
  }
  auto head = [&](const char* path) {
    std::string all = runload::test::read_file(corpus / path);
    return all.substr(0, 4096);
  };
  CHECK(detect_format(head("csv/strava_activities_csv_99cols_subset__JoBoSo.csv"), "a.csv") ==
        Format::strava_csv);
  CHECK(detect_format(head("csv/garmin_connect_activities_decimal_comma_crlf_subset__grunt.csv"),
                      "a.csv") == Format::garmin_csv);
  CHECK(detect_format(head("gpx/utf8_bom_wpt_no_namespace__gpxpy_unicode_with_bom.gpx"), "a") ==
        Format::gpx);
  CHECK(detect_format(head("gpx/expertgps_gpx10_crlf_14seg_xslpi__togeojson_blue_hills.gpx"),
                      "a") == Format::gpx);
  CHECK(detect_format(head("tcx/garmin_fr410_running_hr__tcxparser_test.tcx"), "a") == Format::tcx);
  CHECK(detect_format(head("fit/fenix5_run_short__fitparse_garmin-fenix-5-run.fit"), "a") ==
        Format::fit);
  CHECK(detect_format(head("fit/strava_export_style_fit_gz__gc_14582164182.fit.gz"), "a") ==
        Format::gzip);
}
