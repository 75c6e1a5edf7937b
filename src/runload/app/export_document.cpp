#include <runload/app/export_document.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <chrono>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include <runload/error.hpp>
#include <runload/store/database.hpp>
#include <runload/text/base64.hpp>
#include <runload/text/csv_cell.hpp>
#include <runload/text/json.hpp>

namespace runload::app {

using text::Json;

namespace {

Json json_cell(const store::Cell& cell) {
  return std::visit(
      [](const auto& value) -> Json {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return nullptr;
        else if constexpr (std::is_same_v<T, store::Blob>)
          return Json{{"base64", text::base64_encode(value.bytes)}};
        else
          return value;
      },
      cell);
}

std::string csv_text(const store::Cell& cell) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return {};
        else if constexpr (std::is_same_v<T, store::Blob>)
          return text::base64_encode(value.bytes);
        else if constexpr (std::is_same_v<T, std::string>)
          // An empty text is "" so that it differs from NULL, an empty cell.
          return value.empty() ? std::string("\"\"") : text::csv_cell(value);
        else
          return fmt::format("{}", value);
      },
      cell);
}

Json envelope(const ExportHeader& header, std::string_view format) {
  return Json{{"runload_export", k_export_version},
              {"format", format},
              {"schema_version", header.schema_version},
              {"runload_version", RUNLOAD_VERSION},
              {"scope", header.scope},
              {"athletes", header.athletes}};
}

std::string table_csv(const store::TableRows& table) {
  std::string out;
  std::vector<std::string> cells;
  for (const auto& column : table.columns) cells.push_back(text::csv_cell(column.name));
  out += fmt::format("{}\r\n", fmt::join(cells, ","));
  for (const auto& row : table.rows) {
    cells.clear();
    for (const auto& cell : row) cells.push_back(csv_text(cell));
    out += fmt::format("{}\r\n", fmt::join(cells, ","));
  }
  return out;
}

la_ssize_t append_to_string(archive*, void* client, const void* buffer, size_t size) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), size);
  return static_cast<la_ssize_t>(size);
}

class ZipWriter {
 public:
  explicit ZipWriter(std::string& out) : m_archive(archive_write_new(), &archive_write_free) {
    if (!m_archive) throw std::bad_alloc();
    check(archive_write_set_format_zip(m_archive.get()));
    check(archive_write_set_bytes_in_last_block(m_archive.get(), 1));
    check(archive_write_open2(m_archive.get(), &out, nullptr, &append_to_string, nullptr, nullptr));
  }

  void add(const std::string& name, std::string_view bytes) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        &archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0600);
    archive_entry_set_mtime(entry.get(), m_now, 0);
    check(archive_write_header(m_archive.get(), entry.get()));
    if (archive_write_data(m_archive.get(), bytes.data(), bytes.size()) !=
        static_cast<la_ssize_t>(bytes.size()))
      fail();
  }

  void close() { check(archive_write_close(m_archive.get())); }

 private:
  void check(int status) {
    if (status != ARCHIVE_OK) fail();
  }
  [[noreturn]] void fail() {
    const char* reason = archive_error_string(m_archive.get());
    throw DatabaseError(
        fmt::format("cannot write the CSV export's zip: {}", reason ? reason : "unknown error"));
  }

  std::unique_ptr<archive, decltype(&archive_write_free)> m_archive;
  std::time_t m_now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
};

[[noreturn]] void not_an_export(std::string_view why) {
  throw UsageError(fmt::format("not a runload export: {}", why));
}

store::Cell cell_of(const Json& value, const std::string& table, const std::string& column) {
  if (value.is_null()) return std::monostate{};
  if (value.is_number_integer()) {
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      not_an_export(fmt::format("{}.{} holds a number too large for SQLite", table, column));
    return value.get<std::int64_t>();
  }
  if (value.is_number_float()) return value.get<double>();
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.size() == 1 && value.contains("base64") &&
      value["base64"].is_string()) {
    auto bytes = text::base64_decode(value["base64"].get<std::string>());
    if (!bytes) not_an_export(fmt::format("{}.{} holds a BLOB that is not base64", table, column));
    return store::Blob{std::move(*bytes)};
  }
  not_an_export(fmt::format("{}.{} holds {}, which an export never writes", table, column,
                            value.type_name()));
}

store::TableRows table_of(const std::string& name, const Json& rows) {
  if (!rows.is_array()) not_an_export(fmt::format("tables.{} is not an array", name));
  store::TableRows table{name, {}, {}};
  // The columns in the order the rows give them; a row without one of them
  // gives it NULL.
  for (const auto& row : rows) {
    if (!row.is_object()) not_an_export(fmt::format("a row of tables.{} is not an object", name));
    for (const auto& item : row.items()) {
      const auto& column = item.key();
      if (std::none_of(table.columns.begin(), table.columns.end(),
                       [&](const store::Column& c) { return c.name == column; }))
        table.columns.push_back({column, {}});
    }
  }
  for (const auto& row : rows) {
    auto& cells = table.rows.emplace_back();
    for (const auto& column : table.columns) {
      const auto found = row.find(column.name);
      cells.push_back(found == row.end() ? store::Cell{} : cell_of(*found, name, column.name));
    }
  }
  return table;
}

std::string_view skip_space(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view() : text.substr(first);
}

}  // namespace

std::string_view format_name(ExportFormat format) noexcept {
  switch (format) {
    case ExportFormat::json:
      return "json";
    case ExportFormat::csv:
      return "csv";
    case ExportFormat::sqlite:
      return "sqlite";
  }
  return "json";
}

std::string export_json(const ExportHeader& header, const std::vector<store::TableRows>& tables) {
  auto document = envelope(header, "json");
  Json contents = Json::object();
  for (const auto& table : tables) {
    Json rows = Json::array();
    for (const auto& row : table.rows) {
      Json object = Json::object();
      for (std::size_t i = 0; i < row.size(); ++i)
        object[table.columns[i].name] = json_cell(row[i]);
      rows.push_back(std::move(object));
    }
    contents[table.name] = std::move(rows);
  }
  document["tables"] = std::move(contents);
  return text::dump(document) + "\n";
}

std::string export_csv_zip(const ExportHeader& header,
                           const std::vector<store::TableRows>& tables) {
  auto manifest = envelope(header, "csv");
  Json names = Json::array();
  for (const auto& table : tables) names.push_back(table.name + ".csv");
  manifest["tables"] = std::move(names);
  std::string out;
  ZipWriter zip(out);
  zip.add(std::string(k_csv_manifest), text::dump(manifest) + "\n");
  for (const auto& table : tables) zip.add(table.name + ".csv", table_csv(table));
  zip.close();
  return out;
}

std::vector<std::string> athlete_names(const std::vector<store::TableRows>& tables) {
  std::vector<std::string> names;
  for (const auto& table : tables) {
    if (table.name != "athletes") continue;
    std::size_t at = 0;
    while (at < table.columns.size() && table.columns[at].name != "name") ++at;
    if (at == table.columns.size()) break;
    for (const auto& row : table.rows)
      if (const auto* name = std::get_if<std::string>(&row[at])) names.push_back(*name);
  }
  return names;
}

ReadExport read_export_json(std::string_view text) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& e) {
    not_an_export(fmt::format("it is not JSON ({})", e.what()));
  }
  if (!document.is_object() || !document.contains("runload_export"))
    not_an_export("its JSON has no \"runload_export\"");
  const auto& version = document["runload_export"];
  if (!version.is_number_integer() || version.get<int>() < 1)
    not_an_export("\"runload_export\" is not a version number");
  if (version.get<int>() > k_export_version)
    throw UsageError(fmt::format(
        "the export's layout is version {}, newer than this runload reads ({}): restore it with "
        "a newer runload",
        version.get<int>(), k_export_version));
  if (!document.contains("schema_version") || !document["schema_version"].is_number_integer())
    not_an_export("it has no \"schema_version\"");
  if (!document.contains("tables") || !document["tables"].is_object())
    not_an_export("it has no \"tables\" object");
  ReadExport out;
  out.header.schema_version = document["schema_version"].get<int>();
  if (document.contains("scope") && document["scope"].is_string())
    out.header.scope = document["scope"].get<std::string>();
  for (const auto& [name, rows] : document["tables"].items())
    out.tables.push_back(table_of(name, rows));
  out.header.athletes = athlete_names(out.tables);
  return out;
}

ExportKind export_kind(std::string_view head) {
  const auto json = skip_space(head);
  if (json.starts_with("{") && skip_space(json.substr(1)).starts_with("\"runload_export\""))
    return ExportKind::json;
  // A zip's first local header: the name's length at byte 26, the name at 30.
  if (head.starts_with(std::string_view("PK\3\4", 4)) && head.size() >= 30) {
    const auto length = static_cast<std::size_t>(static_cast<unsigned char>(head[26])) |
                        static_cast<std::size_t>(static_cast<unsigned char>(head[27])) << 8;
    if (length == k_csv_manifest.size() && head.substr(30, length) == k_csv_manifest)
      return ExportKind::csv;
  }
  // The SQLite header: its magic, and the application_id big-endian at 68.
  if (head.starts_with(std::string_view("SQLite format 3\0", 16)) && head.size() >= 72) {
    std::uint32_t id = 0;
    for (std::size_t i = 68; i < 72; ++i) id = id << 8 | static_cast<unsigned char>(head[i]);
    if (id == static_cast<std::uint32_t>(store::k_application_id)) return ExportKind::sqlite;
  }
  return ExportKind::none;
}

}  // namespace runload::app
