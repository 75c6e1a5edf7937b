#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include <runload/app/export_document.hpp>
#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/text/base64.hpp>

using namespace runload;
using app::ExportKind;

namespace {

std::vector<store::TableRows> every_kind_of_cell() {
  return {
      {"athletes",
       {{"id", "INTEGER"}, {"name", "TEXT"}},
       {{std::int64_t{1}, std::string("Lena \"the tendon\", Müller")},
        {std::int64_t{2}, std::string("")}}},
      {"activities",
       {{"id", "INTEGER"}, {"distance_m", "REAL"}, {"speed_hist", "BLOB"}, {"name", "TEXT"}},
       {{std::int64_t{7}, 10000.123456789012, store::Blob{std::string("\0\x01\xff", 3)},
         std::monostate{}},
        {std::int64_t{8}, 5.0, store::Blob{}, std::string("line\nbreak")}}},
      {"gear", {}, {}},
  };
}

}  // namespace

TEST_CASE("base64: RFC 4648's test vectors, and what is not base64", "[export][text]") {
  const std::vector<std::pair<std::string, std::string>> vectors{{"", ""},
                                                                 {"f", "Zg=="},
                                                                 {"fo", "Zm8="},
                                                                 {"foo", "Zm9v"},
                                                                 {"foob", "Zm9vYg=="},
                                                                 {"fooba", "Zm9vYmE="},
                                                                 {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    CHECK(text::base64_encode(plain) == encoded);
    CHECK(text::base64_decode(encoded) == plain);
  }
  CHECK(text::base64_encode(std::string("\xff\xfe", 2)) == "//4=");
  CHECK_FALSE(text::base64_decode("Zg="));
  CHECK_FALSE(text::base64_decode("Z g="));
  CHECK_FALSE(text::base64_decode("Zg=a"));
  CHECK_FALSE(text::base64_decode("=Zg="));
}

TEST_CASE("export document: JSON read back gives every cell as it was", "[export][app]") {
  const auto tables = every_kind_of_cell();
  const app::ExportHeader header{12, "all", {"Lena \"the tendon\", Müller", ""}};
  const auto json = app::export_json(header, tables);
  CHECK(app::export_kind(json) == ExportKind::json);
  const auto doc = nlohmann::json::parse(json);
  CHECK(doc["runload_export"] == app::k_export_version);
  CHECK(doc["schema_version"] == 12);
  CHECK(doc["tables"]["activities"][0]["speed_hist"] == nlohmann::json{{"base64", "AAH/"}});
  CHECK(doc["tables"]["activities"][0]["name"].is_null());
  CHECK(doc["tables"]["gear"] == nlohmann::json::array());

  const auto read = app::read_export_json(json);
  CHECK(read.header.schema_version == 12);
  CHECK(read.header.athletes == header.athletes);
  REQUIRE(read.tables.size() == tables.size());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    INFO(tables[i].name);
    CHECK(read.tables[i].name == tables[i].name);
    CHECK(read.tables[i].rows == tables[i].rows);
  }
  // The same document again: byte for byte.
  CHECK(app::export_json(header, read.tables) == json);
}

TEST_CASE("export document: what is not an export says why", "[export][app]") {
  CHECK_THROWS_WITH(app::read_export_json("not json"), Catch::Contains("not JSON"));
  CHECK_THROWS_WITH(app::read_export_json(R"({"tables": {}})"),
                    Catch::Contains("no \"runload_export\""));
  CHECK_THROWS_WITH(app::read_export_json(R"({"runload_export": 99, "schema_version": 1,
                                               "tables": {}})"),
                    Catch::Contains("newer than this runload reads"));
  CHECK_THROWS_WITH(app::read_export_json(R"({"runload_export": 1, "schema_version": 8,
                                               "tables": {"gear": [{"minimalist": true}]}})"),
                    Catch::Contains("gear.minimalist"));
  CHECK_THROWS_WITH(app::read_export_json(R"({"runload_export": 1, "schema_version": 8,
                                        "tables": {"activities": [{"speed_hist": {"base64": "!"}}]}})"),
                    Catch::Contains("not base64"));
}

TEST_CASE("export document: an export is known by its first bytes, not by its name",
          "[export][app]") {
  CHECK(app::export_kind("  {\n  \"runload_export\": 1") == ExportKind::json);
  CHECK(app::export_kind("{\"tables\": {}, \"runload_export\": 1}") == ExportKind::none);
  CHECK(app::export_kind("date,distance_km\n") == ExportKind::none);
  CHECK(app::export_kind("") == ExportKind::none);

  const auto zip = app::export_csv_zip({12, "athlete", {"Lena"}}, every_kind_of_cell());
  CHECK(app::export_kind(zip) == ExportKind::csv);
  CHECK(zip.find("athletes.csv") != std::string::npos);

  std::string sqlite("SQLite format 3\0", 16);
  sqlite.resize(100, '\0');
  CHECK(app::export_kind(sqlite) == ExportKind::none);  // application_id 0: not runload's
  const auto id = static_cast<std::uint32_t>(store::k_application_id);
  for (int i = 0; i < 4; ++i) sqlite[68 + i] = static_cast<char>(id >> (24 - 8 * i) & 0xFF);
  CHECK(app::export_kind(sqlite) == ExportKind::sqlite);
}
