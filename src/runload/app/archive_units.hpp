#pragma once
// Archives and Strava bulk exports (DESIGN.md section 4): a zip read in
// memory, or a Strava export unpacked into a folder, turned into units that
// the Importer stores one transaction each. Reads no database: whether a
// member was already imported is asked through `IsImported`.
//
// A Strava export is recognised by its activities.csv: in a zip, the
// shallowest member named activities.csv (its folder is the export's root);
// a folder, when it holds activities.csv beside an activities/ folder. Then:
// - activities.csv is read for its rows; each row's Filename names its track
//   file relative to the root (activities/123.gpx.gz). The name is looked up
//   among the export's members, never opened as a path.
// - Each row and its track are joined explicitly by Filename into ONE
//   activity with both sources, by the store's merge rules (the track's
//   metrics, the row's name, type and gear): the join holds even when the
//   row's and the track's distances disagree. Of a track with several
//   activities (a multisport FIT), the row joins the one that starts nearest.
// - Of the export, only activities.csv, shoes.csv (the athlete's shoes,
//   brand and model) and the files under activities/ are read. Strava's
//   other files (profile.csv, bikes.csv, comments.csv... at the root;
//   media/, routes/, messages/...) are skipped without a word: they hold no
//   activities.
// - A zip's members outside the export's root (an export zipped in a
//   subfolder beside other files) are read as if there were no export.
// A zip that is not a Strava export gives each member with an importable name
// (is_importable_name) as a unit of its own.
// In a zip, what a Mac adds (__MACOSX/, ._* resource forks, .DS_Store) and
// every other hidden member (a name component starting with '.') is skipped
// silently. A zip inside the archive is not read: it fails as a member of
// its own, saying to unpack it. A zip may inflate to at most
// k_archive_inflate_factor times the member cap in total (its members and
// the gzip files among them); past that the archive stops with an error, the
// units read before it standing.
//
// Units, each stored in one transaction or not at all:
// - a row with its track: the joined activity; records the track file;
// - a row whose track was imported before: the row alone, joined with the
//   stored activity that holds that track (found by the track's content hash);
// - a row without a track (no Filename, a track missing or failing): the row
//   alone, which merges with a stored run by the same-run rule; records
//   nothing of its own;
// - a track no row names, or any member outside an export: the member alone;
//   records the member;
// - a member that fails (unsafe name, encrypted, over the size cap, broken):
//   a failed unit, its errors naming the member; the rest goes on.
// activities.csv itself is recorded (ArchiveRead::on_success) only when every
// unit was stored. A member whose content hash was already imported is not parsed;
// a row of an activities.csv already imported is not stored again unless its
// track is new.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <runload/app/import_pipeline.hpp>
#include <runload/import/parse_result.hpp>
#include <runload/import/strava_shoes.hpp>

namespace runload::app {

// A member recorded in imported_files together with a unit.
struct UnitFile {
  std::string label;         // "export.zip!activities/1.fit.gz", or the file's path in a folder
  std::string content_hash;  // of the member's bytes as stored (the .gz, not its inflated content)
  std::string name;          // the member's name, for its format by extension
};

// One part of an archive stored in its own transaction.
struct ImportUnit {
  std::string label;            // names the unit when a Problem has no file
  ParseResult parsed;           // !ok(): nothing of the unit is stored
  std::vector<UnitFile> files;  // recorded with the unit's activities
  // Recorded with the unit's new sources: the content hash of the member the unit
  // comes from (of the track, for a row joined with its track).
  std::string content_hash;
  // A row whose track was imported before (skipped by its content hash): the row
  // joins the stored activity holding a source of that track, whatever the
  // same-run rule says; by that rule only when none is stored.
  std::optional<std::string> stored_track_hash;
};

struct ArchiveRead {
  std::vector<ImportUnit> units;
  std::vector<Problem> warnings;     // rows whose track is missing or far from it
  std::int64_t members = 0;          // member files read or skipped by hash
  std::int64_t known_members = 0;    // of which skipped: their content hash was already imported
  std::int64_t failed_before = 0;    // of which skipped: the same content failed before
  std::optional<Problem> error;      // the archive itself failed; units read before it stand
  std::vector<UnitFile> on_success;  // recorded once every unit was stored
  // The export's shoes.csv: the shoes with brand and model, for the store to
  // create (never twice).
  std::vector<import::StravaShoe> shoes;
  // The data rows of the export's activities.csv when it was read (not
  // imported before): rows read and refused, for the import's summary.
  std::optional<import::RowCounts> csv_rows;
};

// True when the athlete already imported content with this content hash (or,
// for a FailedBefore, when content with it failed to import before).
using IsImported = std::function<bool(const std::string& content_hash)>;

// The identity a member's bytes are known by; empty: identity::content_hash.
// The importer's also adopts a legacy SHA-256 identity (Importer::identify).
using Identify = std::function<std::string(std::string_view bytes)>;

// A zip may inflate, members and the gzip files among them together, to at
// most this many times the member cap (4 GiB with the default 256 MiB):
// more than any real export, and a bound on the time one file can take.
inline constexpr std::uintmax_t k_archive_inflate_factor = 16;

// The separator between an archive's label and a member's name in labels.
inline constexpr std::string_view k_member_separator = "!";

// True when `folder` holds a file activities.csv beside a folder activities/.
bool is_strava_export_folder(const std::filesystem::path& folder);

// Reads the zip in `zip`, labelled `label` (its path as given). Members are
// read in memory, each up to `max_member_bytes`, and labelled
// "label!member/name"; `read` parses each one (read_file_bytes in the CLI).
// A member whose content `failed_before` knows is not parsed
// (ArchiveRead::failed_before).
ArchiveRead read_zip_archive(std::string_view zip, const std::string& label,
                             const ParseContext& context, const ReadFunction& read,
                             const IsImported& is_imported,
                             std::uintmax_t max_member_bytes = files::k_max_file_bytes,
                             const IsImported& failed_before = {}, const Identify& identify = {});

// Reads the Strava export unpacked in `folder` (is_strava_export_folder).
// Files are labelled by their paths and refused over `max_member_bytes`;
// hidden files and folders are skipped and links to folders not followed, as
// in expand_inputs.
ArchiveRead read_export_folder(const std::filesystem::path& folder, const ParseContext& context,
                               const ReadFunction& read, const IsImported& is_imported,
                               std::uintmax_t max_member_bytes = files::k_max_file_bytes,
                               const IsImported& failed_before = {}, const Identify& identify = {});

// True for what a zip made on a Mac adds and for other hidden members: a
// '/'-separated name with a component that starts with '.' (.DS_Store,
// ._run.gpx) or is __MACOSX.
bool is_junk_member(std::string_view name);

// True for a name that is an archive (.zip, .tar, .tgz, .tar.gz, .7z, .rar...).
bool is_archive_name(std::string_view name);

}  // namespace runload::app
