#include <runload/app/archive_units.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include <runload/files/load.hpp>
#include <runload/files/walk.hpp>
#include <runload/identity/activity_merge.hpp>
#include <runload/identity/content_hash.hpp>
#include <runload/import/strava_shoes.hpp>
#include <runload/import/zip_reader.hpp>
#include <runload/text/ascii.hpp>

namespace runload::app {

using import::for_each_zip_member;
using import::list_zip;
using import::ParsedActivity;
using import::ZipMember;
using import::ZipMemberData;

using text::to_lower;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_activities_csv = "activities.csv";
constexpr std::string_view k_shoes_csv = "shoes.csv";
constexpr std::string_view k_activities_folder = "activities/";
// Two members of one name: the first is read, the second refused, since
// tools disagree on which one an archive means.
constexpr const char* k_second_member = "refused: a second member with the same name";

Problem problem(const std::string& file, std::string message) {
  return Problem{file, std::nullopt, std::nullopt, std::move(message)};
}

ImportUnit failed_unit(const std::string& label, std::string message) {
  ImportUnit unit{label, {}, {}, {}, std::nullopt};
  unit.parsed.errors.push_back(problem(label, std::move(message)));
  return unit;
}

struct Listed {
  std::string name;  // '/'-separated, relative to the archive or folder
  std::optional<std::string> refusal;
};

using Wanted = std::function<bool(const std::string& name)>;
using Consumer = std::function<void(const std::string& name, ZipMemberData&& data)>;

// Where the members come from: a zip in memory or a folder on disk.
class MemberSource {
 public:
  virtual ~MemberSource() = default;
  // Every member; problems of the listing itself go to `units` (a folder that
  // cannot be read) or come back as the archive's error.
  virtual std::optional<std::string> list(std::vector<Listed>& members,
                                          std::vector<ImportUnit>& units) = 0;
  // Reads the members `wanted` accepts, once each, in listing order.
  virtual std::optional<std::string> read(const Wanted& wanted, const Consumer& consume) = 0;
  virtual std::string label(const std::string& name) const = 0;
};

class ZipSource final : public MemberSource {
 public:
  ZipSource(std::string_view zip, std::string label, std::uintmax_t max_bytes)
      : m_zip(zip),
        m_label(std::move(label)),
        m_max_bytes(max_bytes),
        m_budget(k_archive_inflate_factor * max_bytes),
        m_remaining(m_budget) {}

  std::optional<std::string> list(std::vector<Listed>& members, std::vector<ImportUnit>&) override {
    auto listing = list_zip(m_zip);
    for (auto& member : listing.members) members.push_back({member.name, member.refusal});
    return listing.error;
  }

  std::optional<std::string> read(const Wanted& wanted, const Consumer& consume) override {
    std::int64_t left_unread = 0;
    auto error = for_each_zip_member(
        m_zip, static_cast<std::size_t>(m_max_bytes),
        [&](const ZipMember& member) {
          if (!wanted(member.name)) return false;
          if (m_remaining == 0) ++left_unread;
          return m_remaining > 0;
        },
        [&](const ZipMember& member, ZipMemberData&& data) {
          // Refused members were reported from the listing.
          if (member.refusal || !wanted(member.name)) return;
          // A member refused part way was inflated up to the cap first; one
          // refused by its declared size was not inflated at all.
          const std::uintmax_t spent =
              data.ok() ? data.bytes.size()
                        : (member.size && *member.size > m_max_bytes ? 0 : m_max_bytes);
          spend(spent);
          consume(member.name, std::move(data));
        });
    if (error) return error;
    if (left_unread > 0)
      return fmt::format(
          "stopped: the archive inflates to more than {} MiB in all (the limit per archive, {} "
          "times the limit per file); {} member{} not read",
          m_budget >> 20, k_archive_inflate_factor, left_unread,
          left_unread == 1 ? " was" : "s were");
    return std::nullopt;
  }

  std::string label(const std::string& name) const override {
    return fmt::format("{}{}{}", m_label, k_member_separator, name);
  }

  // What the readers may still inflate (gzip members) for this archive.
  std::uint64_t* inflate_budget() { return &m_remaining; }

 private:
  void spend(std::uintmax_t bytes) { m_remaining -= std::min<std::uint64_t>(m_remaining, bytes); }

  std::string_view m_zip;
  std::string m_label;
  std::uintmax_t m_max_bytes;
  std::uint64_t m_budget;
  std::uint64_t m_remaining;
};

class FolderSource final : public MemberSource {
 public:
  FolderSource(fs::path root, std::uintmax_t max_bytes)
      : m_root(std::move(root)), m_max_bytes(max_bytes) {}

  std::optional<std::string> list(std::vector<Listed>& members,
                                  std::vector<ImportUnit>& units) override {
    walk(m_root, members, units);
    std::sort(members.begin(), members.end(),
              [](const Listed& a, const Listed& b) { return a.name < b.name; });
    for (const auto& member : members) m_names.push_back(member.name);
    return std::nullopt;
  }

  std::optional<std::string> read(const Wanted& wanted, const Consumer& consume) override {
    for (const auto& name : m_names)
      if (wanted(name)) consume(name, read_capped(m_root / name, m_max_bytes));
    return std::nullopt;
  }

  std::string label(const std::string& name) const override { return (m_root / name).string(); }

  // The files of a folder are each bounded by the file cap alone.
  std::uint64_t* inflate_budget() { return nullptr; }

 private:
  void walk(const fs::path& dir, std::vector<Listed>& members, std::vector<ImportUnit>& units) {
    files::walk_folder(
        dir, {{},
              [&](const fs::path& file, std::uintmax_t) {
                members.push_back({file.lexically_relative(m_root).generic_string(), std::nullopt});
              },
              [&](const fs::path& folder, const std::string& reason) {
                units.push_back(failed_unit(folder.string(),
                                            fmt::format("cannot read the folder: {}", reason)));
              }});
  }

  static ZipMemberData read_capped(const fs::path& path, std::uintmax_t max_bytes) {
    ZipMemberData data;
    if (auto error = files::load_file(path, max_bytes, data.bytes)) {
      data.bytes.clear();
      data.error = error->kind == files::LoadError::Kind::too_large
                       ? error->reason
                       : fmt::format("cannot read: {}", error->reason);
    }
    return data;
  }

  fs::path m_root;
  std::uintmax_t m_max_bytes;
  std::vector<std::string> m_names;
};

// One member after reading: skipped by hash, failed, or parsed.
struct MemberResult {
  std::string name;
  std::string label;
  std::string content_hash;
  bool known = false;
  bool failed_before = false;  // the same content failed before: not parsed
  ParseResult parsed;
  bool joined = false;  // its activities went into a row's unit
};

// Whether a member's content was imported, or failed, before.
struct MemberChecks {
  const IsImported& imported;
  const IsImported& failed_before;  // may be empty
  const Identify& identify;         // may be empty: identity::content_hash
};

bool is_track_name(std::string_view name) {
  const std::string lowered = to_lower(name);
  return is_importable_name(fs::path(std::string(name))) && !lowered.ends_with(".zip") &&
         !lowered.ends_with(".csv");
}

// Parses one member's bytes. A reader's exception fails the member alone.
ParseResult parse_member(const std::string& name, const std::string& label, std::string& bytes,
                         const ParseContext& context, const ReadFunction& read) {
  ParseContext member_context = context;
  member_context.file = label;
  ParseResult parsed;
  try {
    parsed = read(fs::path(name), bytes, member_context);
  } catch (const std::exception& e) {
    parsed = ParseResult{};
    parsed.errors.push_back(problem(label, fmt::format("cannot be read: {}", e.what())));
  }
  for (auto* problems : {&parsed.errors, &parsed.warnings})
    for (auto& p : *problems)
      if (p.file.empty()) p.file = label;
  // The track has served the reader's metrics; the store keeps histograms.
  for (auto& activity : parsed.activities) activity.track.reset();
  return parsed;
}

MemberResult take_member(const std::string& name, const MemberSource& source, ZipMemberData&& data,
                         const ParseContext& context, const ReadFunction& read,
                         const MemberChecks& checks) {
  MemberResult result{name, source.label(name), {}, false, false, {}, false};
  if (!data.ok()) {
    result.parsed.errors.push_back(problem(result.label, *data.error));
    return result;
  }
  result.content_hash =
      checks.identify ? checks.identify(data.bytes) : identity::content_hash(data.bytes);
  result.known = checks.imported(result.content_hash);
  if (result.known) return result;
  result.failed_before = checks.failed_before && checks.failed_before(result.content_hash);
  if (result.failed_before) return result;
  if (is_archive_name(name) || data.bytes.starts_with(std::string_view("PK\3\4", 4))) {
    // Hashed, so that a failure of it is remembered like any other.
    result.parsed.errors.push_back(problem(
        result.label,
        "an archive inside an archive is not read: unpack it and import its files on their own"));
    return result;
  }
  result.parsed = parse_member(name, result.label, data.bytes, context, read);
  return result;
}

ImportUnit member_unit(MemberResult&& member) {
  ImportUnit unit{member.label, std::move(member.parsed), {}, member.content_hash, std::nullopt};
  if (unit.parsed.ok()) unit.files.push_back({member.label, member.content_hash, member.name});
  return unit;
}

ImportUnit row_unit(const MemberResult& csv, const ParsedActivity& row) {
  ImportUnit unit{csv.label, {}, {}, csv.content_hash, std::nullopt};
  unit.parsed.activities.push_back(row);
  return unit;
}

// Where a row came from, for warnings about it.
model::Source row_source(const ParsedActivity& row, const std::string& fallback) {
  if (row.activity.sources.empty()) return model::Source{"", fallback, std::nullopt};
  return row.activity.sources.front();
}

std::chrono::seconds start_gap(const model::Activity& a, const model::Activity& b) {
  return a.start_utc > b.start_utc ? a.start_utc - b.start_utc : b.start_utc - a.start_utc;
}

// The row joined with the track activity that starts nearest to it; the
// track's other activities (a multisport file) stay as they are.
ImportUnit joined_unit(const ParsedActivity& row, MemberResult& track,
                       std::vector<Problem>& warnings) {
  ImportUnit unit{track.label, std::move(track.parsed), {}, track.content_hash, std::nullopt};
  unit.files.push_back({track.label, track.content_hash, track.name});
  track.joined = true;
  auto& activities = unit.parsed.activities;
  if (activities.empty()) {
    activities.push_back(row);
    return unit;
  }
  const auto nearest = std::min_element(
      activities.begin(), activities.end(), [&](const ParsedActivity& a, const ParsedActivity& b) {
        return start_gap(a.activity, row.activity) < start_gap(b.activity, row.activity);
      });
  const auto gap = start_gap(nearest->activity, row.activity);
  if (gap > identity::k_same_run_start_window) {
    const auto source = row_source(row, track.label);
    warnings.push_back(Problem{source.file, source.line, std::nullopt,
                               fmt::format("the row and its track {} start {} s apart; joined "
                                           "by the Filename column",
                                           track.label, gap.count())});
  }
  nearest->activity = identity::merge_activities(row.activity, nearest->activity);
  return unit;
}

// The export's root ("" or "folder/") from its shallowest activities.csv.
std::optional<std::string> export_root(const std::vector<Listed>& members) {
  std::optional<std::string> root;
  for (const auto& member : members) {
    if (member.refusal) continue;
    const std::string& name = member.name;
    if (name != k_activities_csv && !name.ends_with("/" + std::string(k_activities_csv))) continue;
    std::string prefix = name.substr(0, name.size() - k_activities_csv.size());
    if (!root ||
        std::count(prefix.begin(), prefix.end(), '/') < std::count(root->begin(), root->end(), '/'))
      root = std::move(prefix);
  }
  return root;
}

// The members to read: outside an export (no export, or outside its root)
// every track, CSV and archive (which fails, saying why); in an export the
// tracks under activities/ (activities.csv is read on its own) and any
// archive. Strava's other files are not read, and not mentioned.
std::set<std::string> wanted_members(const std::vector<Listed>& members,
                                     const std::optional<std::string>& root) {
  std::set<std::string> wanted;
  for (const auto& member : members) {
    if (member.refusal) continue;
    const std::string& name = member.name;
    if (is_archive_name(name)) {
      wanted.insert(name);
      continue;
    }
    if (!root || !name.starts_with(*root)) {
      if (is_track_name(name) || to_lower(name).ends_with(".csv")) wanted.insert(name);
      continue;
    }
    const std::string relative = name.substr(root->size());
    if (relative.starts_with(k_activities_folder) && is_track_name(relative)) wanted.insert(name);
  }
  return wanted;
}

// The export's activities.csv, read first: its rows name the tracks. nullopt
// when there is none or it failed (a failed unit in `result`); `stop` set
// when the archive itself failed.
std::optional<MemberResult> read_activities_csv(MemberSource& source, const std::string& root,
                                                const ParseContext& context,
                                                const ReadFunction& read,
                                                const MemberChecks& checks, ArchiveRead& result,
                                                std::optional<std::string>& stop) {
  std::optional<MemberResult> csv;
  const std::string csv_name = root + std::string(k_activities_csv);
  stop = source.read([&](const std::string& name) { return name == csv_name; },
                     [&](const std::string& name, ZipMemberData&& data) {
                       if (csv) {
                         result.units.push_back(failed_unit(source.label(name), k_second_member));
                         return;
                       }
                       // Read even when imported before: its rows name the tracks.
                       const IsImported never = [](const std::string&) { return false; };
                       csv = take_member(name, source, std::move(data), context, read,
                                         {never, checks.failed_before, checks.identify});
                     });
  if (stop || !csv) return std::nullopt;
  ++result.members;
  if (csv->failed_before) {
    ++result.failed_before;
    return std::nullopt;
  }
  csv->known = checks.imported(csv->content_hash);
  if (!csv->parsed.ok()) {
    result.units.push_back(
        ImportUnit{csv->label, std::move(csv->parsed), {}, csv->content_hash, std::nullopt});
    return std::nullopt;
  }
  if (!csv->known) {
    for (auto& warning : csv->parsed.warnings) result.warnings.push_back(std::move(warning));
    result.csv_rows = csv->parsed.rows;
  }
  return csv;
}

// Every wanted member, by name, parsed unless imported before; a second
// member of one name fails. Returns the archive's error, if any.
std::optional<std::string> read_tracks(MemberSource& source, const std::set<std::string>& wanted,
                                       const ParseContext& context, const ReadFunction& read,
                                       const MemberChecks& checks,
                                       std::map<std::string, MemberResult>& tracks,
                                       ArchiveRead& result) {
  return source.read([&](const std::string& name) { return wanted.count(name) > 0; },
                     [&](const std::string& name, ZipMemberData&& data) {
                       if (tracks.count(name)) {
                         result.units.push_back(failed_unit(source.label(name), k_second_member));
                         return;
                       }
                       ++result.members;
                       auto member =
                           take_member(name, source, std::move(data), context, read, checks);
                       if (member.known) ++result.known_members;
                       if (member.failed_before) ++result.failed_before;
                       tracks.emplace(name, std::move(member));
                     });
}

// The units of the rows of activities.csv (DESIGN.md section 4): each row
// joined with its track by Filename when the track is new, joined with the
// stored activity of a track imported before, or alone.
void join_rows(const MemberResult& csv, const std::vector<ParsedActivity>& rows,
               const std::string& root, std::map<std::string, MemberResult>& tracks,
               bool archive_failed, ArchiveRead& result) {
  for (const auto& row : rows) {
    const auto location = row_source(row, csv.label);
    const auto found = row.track_file && !row.track_file->empty()
                           ? tracks.find(root + *row.track_file)
                           : tracks.end();
    if (found != tracks.end() && !found->second.known && !found->second.failed_before &&
        !found->second.joined && found->second.parsed.ok()) {
      result.units.push_back(joined_unit(row, found->second, result.warnings));
      continue;
    }
    // The rows of an activities.csv imported before are stored only with a
    // new track.
    if (csv.known) continue;
    if (found != tracks.end() && found->second.known) {
      auto unit = row_unit(csv, row);
      unit.stored_track_hash = found->second.content_hash;
      result.units.push_back(std::move(unit));
      continue;
    }
    if (row.track_file && !row.track_file->empty() && found == tracks.end() && !archive_failed)
      result.warnings.push_back(
          Problem{location.file, location.line, std::nullopt,
                  fmt::format("its track file '{}' is not in the export; the row is imported alone",
                              *row.track_file)});
    result.units.push_back(row_unit(csv, row));
  }
  if (!csv.known) result.on_success.push_back({csv.label, csv.content_hash, csv.name});
}

// The export's shoes.csv, when it has one: its shoes, or its errors as
// warnings (a bad shoes.csv costs the shoes' brands, never the runs).
std::optional<std::string> read_shoes_csv(MemberSource& source, const std::string& root,
                                          const ParseContext& context, ArchiveRead& result) {
  const std::string name = root + std::string(k_shoes_csv);
  return source.read([&](const std::string& member) { return member == name; },
                     [&](const std::string& member, ZipMemberData&& data) {
                       const auto label = source.label(member);
                       if (!data.ok()) {
                         result.warnings.push_back(problem(label, *data.error));
                         return;
                       }
                       ParseContext ctx = context;
                       ctx.file = label;
                       auto shoes = import::read_strava_shoes(data.bytes, ctx);
                       for (auto& error : shoes.errors) result.warnings.push_back(std::move(error));
                       result.shoes = std::move(shoes.shoes);
                     });
}

ArchiveRead read_archive(MemberSource& source, const std::string& label,
                         const ParseContext& context, const ReadFunction& read,
                         const MemberChecks& checks) {
  ArchiveRead result;
  std::vector<Listed> members;
  if (auto error = source.list(members, result.units)) {
    result.error = problem(label, *error);
    return result;
  }
  // A Mac's additions are passed over unread; an unsafe name is refused
  // whatever it looks like.
  std::erase_if(
      members, [](const Listed& member) { return !member.refusal && is_junk_member(member.name); });
  for (const auto& member : members)
    if (member.refusal)
      result.units.push_back(failed_unit(source.label(member.name), *member.refusal));

  const auto root = export_root(members);
  const auto wanted = wanted_members(members, root);
  std::optional<MemberResult> csv;
  if (root) {
    std::optional<std::string> stop;
    csv = read_activities_csv(source, *root, context, read, checks, result, stop);
    if (!stop) stop = read_shoes_csv(source, *root, context, result);
    if (stop) {
      result.error = problem(label, *stop);
      return result;
    }
  }
  std::map<std::string, MemberResult> tracks;
  const auto stop = read_tracks(source, wanted, context, read, checks, tracks, result);
  if (csv) {
    const auto rows = std::move(csv->parsed.activities);
    join_rows(*csv, rows, *root, tracks, stop.has_value(), result);
  }
  for (auto& [name, member] : tracks)
    if (!member.known && !member.failed_before && !member.joined)
      result.units.push_back(member_unit(std::move(member)));
  if (stop) result.error = problem(label, *stop);
  return result;
}

}  // namespace

bool is_strava_export_folder(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / k_activities_csv, ec) &&
         fs::is_directory(folder / "activities", ec);
}

ArchiveRead read_zip_archive(std::string_view zip, const std::string& label,
                             const ParseContext& context, const ReadFunction& read,
                             const IsImported& is_imported, std::uintmax_t max_member_bytes,
                             const IsImported& failed_before, const Identify& identify) {
  ZipSource source(zip, label, max_member_bytes);
  ParseContext budgeted = context;
  budgeted.inflate_budget = source.inflate_budget();
  return read_archive(source, label, budgeted, read, {is_imported, failed_before, identify});
}

ArchiveRead read_export_folder(const fs::path& folder, const ParseContext& context,
                               const ReadFunction& read, const IsImported& is_imported,
                               std::uintmax_t max_member_bytes, const IsImported& failed_before,
                               const Identify& identify) {
  FolderSource source(folder, max_member_bytes);
  return read_archive(source, folder.string(), context, read,
                      {is_imported, failed_before, identify});
}

bool is_junk_member(std::string_view name) {
  std::size_t start = 0;
  while (start < name.size()) {
    const auto slash = name.find('/', start);
    const auto component =
        name.substr(start, slash == std::string_view::npos ? name.size() - start : slash - start);
    if (component.starts_with(".") || component == "__MACOSX") return true;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

bool is_archive_name(std::string_view name) {
  static constexpr std::array<std::string_view, 10> k_suffixes{
      ".zip", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".tbz2", ".txz", ".7z", ".rar"};
  const std::string lowered = to_lower(name);
  return std::any_of(k_suffixes.begin(), k_suffixes.end(), [&](std::string_view suffix) {
    return lowered.size() > suffix.size() && lowered.ends_with(suffix);
  });
}

}  // namespace runload::app
