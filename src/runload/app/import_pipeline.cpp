#include <runload/app/import_pipeline.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <runload/app/archive_units.hpp>
#include <runload/error.hpp>
#include <runload/files/walk.hpp>
#include <runload/identity/content_hash.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/activity_repository.hpp>
#include <runload/store/database.hpp>
#include <runload/store/gear_repository.hpp>
#include <runload/store/transaction.hpp>
#include <runload/text/ascii.hpp>

namespace runload::app {

using text::to_lower;
namespace fs = std::filesystem;

namespace {

Problem problem(const std::string& file, std::string message) {
  return Problem{file, std::nullopt, std::nullopt, std::move(message)};
}

// "csv", "gpx.gz": the format an extension promises, for files that gave no
// activity to say what they were.
std::string extension_format(const fs::path& path) {
  std::string format = to_lower(path.extension().string());
  if (format == ".gz") format = to_lower(path.stem().extension().string()) + format;
  return format.empty() ? std::string("unknown") : format.substr(1);
}

std::string file_format(const fs::path& path, const ParseResult& parsed) {
  std::vector<std::string> formats;
  for (const auto& parsed_activity : parsed.activities)
    for (const auto& source : parsed_activity.activity.sources)
      if (std::find(formats.begin(), formats.end(), source.format) == formats.end())
        formats.push_back(source.format);
  if (formats.empty()) return extension_format(path);
  return fmt::format("{}", fmt::join(formats, ","));
}

std::string source_label(const model::Activity& activity, const std::string& fallback) {
  if (activity.sources.empty()) return fallback;
  const auto& source = activity.sources.front();
  return source.line ? fmt::format("{}:{}", source.file, *source.line) : source.file;
}

// A Strava export folder as one input; its size is that of its files, for
// the progress bar.
InputFile export_input(const fs::path& dir) {
  std::uintmax_t size = 0;
  files::walk_folder(dir, {{}, [&](const fs::path&, std::uintmax_t bytes) { size += bytes; }, {}});
  return InputFile{dir, size, InputKind::strava_export_folder};
}

bool is_zip(const fs::path& path, std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\3\4", 4)) ||
         to_lower(path.extension().string()) == ".zip";
}

// Reads an archive; one that cannot be read at all (out of memory) fails as
// one input, while the database failing stops the import, as everywhere.
template <typename Read>
std::optional<ArchiveRead> read_guarded(const std::string& label, ImportSummary& summary,
                                        Read&& read) {
  try {
    return read();
  } catch (const std::exception& e) {
    if (store::is_sqlite_error(e)) throw;
    ++summary.failed;
    summary.errors.push_back(problem(label, fmt::format("cannot be read: {}", e.what())));
    return std::nullopt;
  }
}

// Collects the importable files below `dir`; a Strava export folder found
// there is one input, not walked. A folder that cannot be read is an error
// of its own; its siblings are still walked.
void walk_inputs(const fs::path& dir, std::vector<InputFile>& found, std::vector<Problem>& errors) {
  files::walk_folder(
      dir, {[&](const fs::path& folder) {
              if (!is_strava_export_folder(folder)) return files::Descend::yes;
              found.push_back(export_input(folder));
              return files::Descend::no;
            },
            [&](const fs::path& file, std::uintmax_t size) {
              if (is_importable_name(file)) found.push_back({file, size, InputKind::file});
            },
            [&](const fs::path& folder, const std::string& reason) {
              errors.push_back(
                  problem(folder.string(), fmt::format("cannot read the folder: {}", reason)));
            }});
}

// Naive wall-clock sources: their times are local, read in the athlete's
// zone (DESIGN.md section 3), so a zone change keeps their wall time.
bool is_wall_clock_format(std::string_view format) {
  return format == "garmin_csv" || format == "runload_csv";
}

void mark_wall_clock(model::Activity& activity) {
  if (activity.offset_origin != model::OffsetOrigin::zone || activity.sources.empty()) return;
  if (std::all_of(activity.sources.begin(), activity.sources.end(),
                  [](const model::Source& s) { return is_wall_clock_format(s.format); }))
    activity.offset_origin = model::OffsetOrigin::wall_clock;
}

}  // namespace

std::optional<std::string> implausible_start(const model::Activity& activity,
                                             date::sys_seconds now) {
  const auto latest = now + k_max_start_ahead;
  if (activity.start_utc >= date::sys_seconds{k_earliest_start} && activity.start_utc <= latest)
    return std::nullopt;
  const std::string name =
      activity.name.empty() ? std::string() : fmt::format(" \"{}\"", activity.name);
  return fmt::format(
      "the activity{} starts at {}, outside the range runload accepts ({} to a day from now): a "
      "device clock that was not set, or a damaged time; nothing of this file was stored",
      name, model::format_utc(activity.start_utc), model::format_date(k_earliest_start));
}

bool is_importable_name(const fs::path& file) {
  static constexpr std::array<std::string_view, 9> k_suffixes{
      ".csv", ".gpx", ".tcx", ".fit", ".zip", ".csv.gz", ".gpx.gz", ".tcx.gz", ".fit.gz"};
  const std::string name = to_lower(file.filename().string());
  return std::any_of(k_suffixes.begin(), k_suffixes.end(), [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.ends_with(suffix);
  });
}

ExpandedInputs expand_inputs(const std::vector<fs::path>& paths) {
  ExpandedInputs result;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
      result.errors.push_back(problem(path.string(), "no such file or folder"));
      continue;
    }
    if (ec) {
      result.errors.push_back(problem(path.string(), fmt::format("cannot read: {}", ec.message())));
      continue;
    }
    if (fs::is_regular_file(status)) {
      result.files.push_back({path, fs::file_size(path, ec), InputKind::file});
      continue;
    }
    if (!fs::is_directory(status)) {
      result.errors.push_back(problem(path.string(), "neither a file nor a folder"));
      continue;
    }
    if (is_strava_export_folder(path)) {
      result.files.push_back(export_input(path));
      continue;
    }
    std::vector<InputFile> found;
    walk_inputs(path, found, result.errors);
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) {
      return a.path.generic_string() < b.path.generic_string();
    });
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

Importer::Importer(store::Database& db, ImportTarget target, ReadFunction read,
                   ImportOptions options)
    : m_db(db),
      m_target(std::move(target)),
      m_zone(date::locate_zone(m_target.timezone)),
      m_read(std::move(read)),
      m_options(options),
      m_repository(std::make_unique<store::ActivityRepository>(db)),
      m_now(options.now ? *options.now
                        : date::floor<std::chrono::seconds>(std::chrono::system_clock::now())) {}

Importer::~Importer() = default;

ImportSummary Importer::run(const std::vector<fs::path>& paths) {
  ImportSummary summary;
  auto inputs = expand_inputs(paths);
  for (auto& error : inputs.errors) {
    ++summary.files;
    ++summary.failed;
    summary.errors.push_back(std::move(error));
  }

  m_failed_hashes = m_repository->failed_hashes(m_target.athlete_id);
  m_legacy_hashes = m_repository->holds_legacy_hashes(m_target.athlete_id);
  Progress progress;
  progress.files_total = inputs.files.size();
  for (const auto& input : inputs.files) progress.bytes_total += input.size;
  if (m_progress) m_progress(progress);

  // One sync at the end instead of one per file: per-file commits with
  // synchronous = FULL cost about 7 ms each, more than parsing a one-hour
  // GPX (docs/PERFORMANCE.md). A kill loses nothing committed; a power cut
  // during the import may lose whole files of it, which the next import
  // finds missing by hash and imports again.
  struct SyncedAtEnd {
    store::Database& db;
    bool done = false;
    ~SyncedAtEnd() {
      if (done) return;
      try {
        db.set_durability(store::Durability::each_commit);
        db.checkpoint();
      } catch (const std::exception&) {
        // Already failing: the database error that brought us here is the one to report.
      }
    }
  } synced{m_db};
  m_db.set_durability(store::Durability::at_checkpoint);

  unsigned threads = m_options.parse_threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, inputs.files.size()));
  if (threads <= 1)
    run_sequential(inputs.files, summary, progress);
  else
    run_parallel(inputs.files, threads, summary, progress);
  m_db.set_durability(store::Durability::each_commit);
  m_db.checkpoint();
  synced.done = true;
  return summary;
}

void Importer::run_sequential(const std::vector<InputFile>& files, ImportSummary& summary,
                              Progress& progress) {
  const KnownHash known = [this](const std::string& content_hash) {
    return is_known(content_hash);
  };
  for (const auto& input : files) {
    auto prepared = prepare(input, m_bytes, known);
    finish(input, prepared, summary);
    ++progress.files_done;
    progress.bytes_done += input.size;
    if (m_progress) m_progress(progress);
  }
}

// Parse threads claim files in order, at most k_files_in_flight_per_thread x
// threads ahead of the writer, and leave each result in the slot of its
// index; the calling thread takes the slots in file order and stores them.
// The writer does the storing because SQLite has one writer anyway, and in
// order because ids and merges must not depend on which thread was faster.
void Importer::run_parallel(const std::vector<InputFile>& files, unsigned threads,
                            ImportSummary& summary, Progress& progress) {
  // A snapshot of the imported hashes lets the parse threads skip known
  // files without a database connection of their own; finish() checks the
  // database again, which also catches files stored since by this run or by
  // another process.
  // With undelete, files imported before may hold what comes back: the
  // writer decides, with the database at hand.
  const auto imported = m_options.undelete == store::Undelete::yes
                            ? std::unordered_set<std::string>{}
                            : m_repository->imported_hashes(m_target.athlete_id);
  const KnownHash known = [this, &imported](const std::string& content_hash) {
    return imported.contains(content_hash) ||
           (!m_options.retry_failed && m_failed_hashes.contains(content_hash));
  };
  const std::size_t window = k_files_in_flight_per_thread * threads;
  std::vector<std::optional<Prepared>> slots(window);
  std::mutex mutex;
  std::condition_variable slot_filled;
  std::condition_variable slot_freed;
  std::size_t next_claim = 0;
  std::size_t next_write = 0;
  bool stop = false;

  const auto parse_files = [&] {
    std::string bytes;
    while (true) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        slot_freed.wait(lock, [&] {
          return stop || next_claim >= files.size() || next_claim < next_write + window;
        });
        if (stop || next_claim >= files.size()) return;
        index = next_claim++;
      }
      auto prepared = prepare(files[index], bytes, known);
      {
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(prepared);
      }
      slot_filled.notify_one();
    }
  };

  // Stops and joins the parse threads on every way out, including a
  // database failure thrown by finish().
  struct Workers {
    std::mutex& mutex;
    std::condition_variable& slot_freed;
    bool& stop;
    std::vector<std::thread> threads;
    ~Workers() {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      slot_freed.notify_all();
      for (auto& thread : threads) thread.join();
    }
  } workers{mutex, slot_freed, stop, {}};
  for (unsigned i = 0; i < threads; ++i) workers.threads.emplace_back(parse_files);

  for (std::size_t index = 0; index < files.size(); ++index) {
    Prepared prepared;
    {
      std::unique_lock lock(mutex);
      auto& slot = slots[index % window];
      slot_filled.wait(lock, [&] { return slot.has_value(); });
      prepared = std::move(*slot);
      slot.reset();
      ++next_write;
    }
    slot_freed.notify_all();
    finish(files[index], prepared, summary);
    ++progress.files_done;
    progress.bytes_done += files[index].size;
    if (m_progress) m_progress(progress);
  }
}

Importer::Prepared Importer::prepare(const InputFile& input, std::string& bytes,
                                     const KnownHash& known) const {
  const std::string label = input.path.string();
  Prepared prepared;
  // An export folder is read as units on the writer (finish), which also
  // asks the database which of its files are known.
  if (input.kind == InputKind::strava_export_folder) return prepared;
  try {
    prepared.load_error = load(input, label, bytes, prepared);
    if (prepared.load_error || known(prepared.content_hash) ||
        (!prepared.legacy_hash.empty() && known(prepared.legacy_hash)))
      return prepared;
    if (is_zip(input.path, bytes)) {
      // Its members are read on the writer, which knows the stored hashes.
      prepared.zip_bytes = std::move(bytes);
      return prepared;
    }
    prepared.result = parse(input, label, bytes);
    prepared.parsed = true;
  } catch (const std::exception& e) {
    // Out of memory for a large file, or the database failing in the
    // sequential hash check: only the latter must stop the import, and it
    // happens on the calling thread.
    if (store::is_sqlite_error(e)) throw;
    prepared.load_error = problem(label, fmt::format("cannot be read: {}", e.what()));
  }
  return prepared;
}

bool Importer::is_known(const std::string& content_hash) {
  if (!m_options.retry_failed && m_failed_hashes.contains(content_hash)) return true;
  // Undeleting reads every file again: what was deleted comes back, the
  // rest is a duplicate.
  return m_options.undelete == store::Undelete::no &&
         m_repository->is_file_imported(m_target.athlete_id, content_hash);
}

void Importer::record_failure(const std::string& content_hash, const std::string& label,
                              const std::vector<Problem>& errors, std::size_t first_error) {
  if (content_hash.empty()) return;  // refused unread: no content to know it by
  m_repository->record_failed_file(store::FailedFile{
      m_target.athlete_id, content_hash, label,
      first_error < errors.size() ? import::describe(errors[first_error]) : std::string()});
  m_failed_hashes.insert(content_hash);
}

void Importer::forget_failure(const std::string& content_hash) {
  if (!m_failed_hashes.erase(content_hash)) return;
  m_repository->forget_failed_file(m_target.athlete_id, content_hash);
}

void Importer::finish(const InputFile& input, Prepared& prepared, ImportSummary& summary) {
  ++summary.files;
  const std::string label = input.path.string();
  const ParseContext context{label, m_zone, m_target.garmin_distance_unit};
  const IsImported is_imported = [this](const std::string& content_hash) {
    return m_options.undelete == store::Undelete::no &&
           m_repository->is_file_imported(m_target.athlete_id, content_hash);
  };
  const IsImported failed_before = [this](const std::string& content_hash) {
    return !m_options.retry_failed && m_failed_hashes.contains(content_hash);
  };
  const Identify identify_member = [this](std::string_view bytes) { return identify(bytes); };
  if (input.kind == InputKind::strava_export_folder) {
    auto read = read_guarded(label, summary, [&] {
      return read_export_folder(input.path, context, m_read, is_imported, m_max_file_bytes,
                                failed_before, identify_member);
    });
    if (!read) return;
    summary.files += read->members - 1;
    import_archive(*read, std::nullopt, summary);
    return;
  }
  if (prepared.load_error) {
    ++summary.failed;
    summary.errors.push_back(std::move(*prepared.load_error));
    return;
  }
  // A file imported before schema 9 is known by its SHA-256: from now on by
  // its content hash, so that the checks below and later imports find it.
  if (!prepared.legacy_hash.empty()) adopt_legacy_hash(prepared.legacy_hash, prepared.content_hash);
  if (is_imported(prepared.content_hash)) {
    ++summary.duplicates;
    if (m_repository->holds_deleted(m_target.athlete_id, prepared.content_hash))
      ++summary.files_with_deleted;
    return;
  }
  if (failed_before(prepared.content_hash)) {
    ++summary.failed_before;
    return;
  }
  if (!prepared.parsed) {
    // Known when run() began but gone since: read it again, here.
    prepared = prepare(input, m_bytes, [](const std::string&) { return false; });
    if (prepared.load_error) {
      ++summary.failed;
      summary.errors.push_back(std::move(*prepared.load_error));
      return;
    }
  }
  if (prepared.zip_bytes) {
    auto read = read_guarded(label, summary, [&] {
      return read_zip_archive(*prepared.zip_bytes, label, context, m_read, is_imported,
                              m_max_file_bytes, failed_before, identify_member);
    });
    if (!read) return;
    import_archive(*read,
                   store::ImportedFile{m_target.athlete_id, prepared.content_hash, label, "zip",
                                       static_cast<std::int64_t>(0)},
                   summary);
    return;
  }
  auto& parsed = prepared.result;
  if (!parsed.ok()) {
    ++summary.failed;
    const auto first = summary.errors.size();
    for (auto& error : parsed.errors) {
      if (error.file.empty()) error.file = label;
      summary.errors.push_back(std::move(error));
    }
    record_failure(prepared.content_hash, label, summary.errors, first);
    return;
  }
  store_file(input, label, prepared.content_hash, parsed, summary);
}

std::optional<Problem> Importer::load(const InputFile& input, const std::string& label,
                                      std::string& bytes, Prepared& prepared) const {
  if (auto error = files::load_file(input.path, m_max_file_bytes, bytes)) {
    return problem(label, error->kind == files::LoadError::Kind::too_large
                              ? error->reason
                              : fmt::format("cannot read: {}", error->reason));
  }
  prepared.content_hash = identity::content_hash(bytes);
  if (m_legacy_hashes) prepared.legacy_hash = identity::sha256_hex(bytes);
  return std::nullopt;
}

std::string Importer::identify(std::string_view bytes) {
  auto hash = identity::content_hash(bytes);
  if (m_legacy_hashes) adopt_legacy_hash(identity::sha256_hex(bytes), hash);
  return hash;
}

void Importer::adopt_legacy_hash(const std::string& legacy, const std::string& hash) {
  if (!m_repository->replace_hash(m_target.athlete_id, legacy, hash)) return;
  if (m_failed_hashes.erase(legacy) > 0) m_failed_hashes.insert(hash);
}

ParseResult Importer::parse(const InputFile& input, const std::string& label,
                            std::string& bytes) const {
  const ParseContext context{label, m_zone, m_target.garmin_distance_unit};
  try {
    return m_read(input.path, bytes, context);
  } catch (const std::exception& e) {
    // A reader's bug or an allocation failure fails this file, not the import.
    ParseResult failed;
    failed.errors.push_back(problem(label, fmt::format("cannot be read: {}", e.what())));
    return failed;
  }
}

void Importer::store_file(const InputFile& input, const std::string& label,
                          const std::string& content_hash, ParseResult& parsed,
                          ImportSummary& summary) {
  const store::ImportedFile file{m_target.athlete_id, content_hash, label,
                                 file_format(input.path, parsed),
                                 static_cast<std::int64_t>(parsed.activities.size())};
  const auto first_error = summary.errors.size();
  if (store_unit(label, input.path, content_hash, parsed, {file}, summary)) {
    forget_failure(content_hash);
    return;
  }
  ++summary.failed;
  record_failure(content_hash, label, summary.errors, first_error);
}

bool Importer::store_unit(const std::string& label, const fs::path& format_name,
                          const std::string& content_hash, ParseResult& parsed,
                          const std::vector<store::ImportedFile>& files, ImportSummary& summary,
                          const std::optional<std::string>& stored_track_hash) {
  for (auto& parsed_activity : parsed.activities) {
    auto& activity = parsed_activity.activity;
    if (activity.sources.empty())
      activity.sources.push_back(model::Source{extension_format(format_name), label, std::nullopt});
    mark_wall_clock(activity);
    // One check for every reader: a start no report could place (year 10000
    // in a zone ahead of UTC) or that no run had (a clock never set) fails
    // the file, as any bad input does.
    if (const auto reason = implausible_start(activity, m_now)) {
      const auto source = activity.sources.front();
      summary.errors.push_back(
          Problem{source.file.empty() ? label : source.file, source.line, std::nullopt, *reason});
      return false;
    }
  }

  std::int64_t imported = 0, merged = 0, duplicates = 0, deleted = 0;
  std::vector<MergeNote> merges;
  std::vector<std::string> new_shoes;
  try {
    store::WriteTransaction tx(m_db);
    auto& repository = *m_repository;
    const auto stored_track =
        stored_track_hash ? repository.find_by_source_hash(m_target.athlete_id, *stored_track_hash)
                          : std::nullopt;
    for (const auto& parsed_activity : parsed.activities) {
      const auto& activity = parsed_activity.activity;
      const auto outcome =
          stored_track
              ? repository.store_into(*stored_track, activity, content_hash)
              : repository.store(m_target.athlete_id, activity, content_hash, m_options.undelete);
      if (outcome.new_shoe) new_shoes.push_back(*outcome.new_shoe);
      switch (outcome.kind) {
        case store::StoreOutcome::Kind::inserted:
          ++imported;
          break;
        case store::StoreOutcome::Kind::duplicate:
          ++duplicates;
          break;
        case store::StoreOutcome::Kind::deleted:
          ++deleted;
          break;
        case store::StoreOutcome::Kind::merged: {
          ++merged;
          const auto stored = repository.find(outcome.activity_id);
          merges.push_back(MergeNote{source_label(activity, label), outcome.activity_id,
                                     stored ? stored->local_date() : activity.local_date(),
                                     stored ? stored->name : activity.name});
          break;
        }
      }
    }
    for (const auto& file : files) repository.record_imported_file(file);
    tx.commit();
  } catch (const std::exception& e) {
    // The database failing is not this file's fault: stop the import.
    if (store::is_sqlite_error(e)) throw;
    summary.errors.push_back(problem(label, fmt::format("not stored: {}", e.what())));
    return false;
  }
  summary.imported += imported;
  summary.merged += merged;
  summary.duplicates += duplicates;
  summary.deleted += deleted;
  summary.merges.insert(summary.merges.end(), merges.begin(), merges.end());
  summary.new_shoes.insert(summary.new_shoes.end(), new_shoes.begin(), new_shoes.end());
  if (parsed.rows) {
    summary.csv_rows += parsed.rows->rows;
    summary.csv_rows_refused += parsed.rows->refused;
  }
  for (auto& warning : parsed.warnings) {
    if (warning.file.empty()) warning.file = label;
    summary.warnings.push_back(std::move(warning));
  }
  return true;
}

void Importer::store_shoes(const std::vector<import::StravaShoe>& shoes, ImportSummary& summary) {
  if (shoes.empty()) return;
  store::GearRepository gear(m_db, m_target.athlete_id);
  store::WriteTransaction tx(m_db);
  std::vector<std::string> created;
  for (const auto& shoe : shoes) {
    auto known = shoe.gear;
    const auto stored = std::find_if(shoe.names.begin(), shoe.names.end(),
                                     [&](const std::string& name) { return gear.find(name); });
    if (stored != shoe.names.end()) known.name = *stored;
    if (gear.ensure(known)) created.push_back(known.name);
  }
  tx.commit();
  summary.new_shoes.insert(summary.new_shoes.end(), created.begin(), created.end());
}

void Importer::import_archive(ArchiveRead& read, std::optional<store::ImportedFile> container,
                              ImportSummary& summary) {
  // A member skipped as failed before keeps the zip from being recorded
  // whole, so that --retry-failed can read it through the zip again.
  bool all_stored = !read.error && read.failed_before == 0;
  summary.failed_before += read.failed_before;
  std::int64_t activities = 0;
  std::optional<std::size_t> first_error;
  const auto failed_unit = [&](const ImportUnit& unit, std::size_t first) {
    all_stored = false;
    ++summary.failed;
    if (!first_error) first_error = first;
    // In a folder each file is remembered; a zip is remembered whole, below.
    if (!container) record_failure(unit.content_hash, unit.label, summary.errors, first);
  };
  for (auto& unit : read.units) {
    if (!unit.parsed.ok()) {
      const auto first = summary.errors.size();
      for (auto& error : unit.parsed.errors) {
        if (error.file.empty()) error.file = unit.label;
        summary.errors.push_back(std::move(error));
      }
      failed_unit(unit, first);
      continue;
    }
    std::vector<store::ImportedFile> files;
    for (const auto& file : unit.files)
      files.push_back(store::ImportedFile{
          m_target.athlete_id, file.content_hash, file.label, file_format(file.name, unit.parsed),
          static_cast<std::int64_t>(unit.parsed.activities.size())});
    activities += static_cast<std::int64_t>(unit.parsed.activities.size());
    const auto first = summary.errors.size();
    if (store_unit(unit.label, unit.label, unit.content_hash, unit.parsed, files, summary,
                   unit.stored_track_hash)) {
      if (!container) forget_failure(unit.content_hash);
    } else {
      failed_unit(unit, first);
    }
  }
  summary.duplicates += read.known_members;
  store_shoes(read.shoes, summary);
  if (read.csv_rows) {
    summary.csv_rows += read.csv_rows->rows;
    summary.csv_rows_refused += read.csv_rows->refused;
  }
  for (auto& warning : read.warnings) summary.warnings.push_back(std::move(warning));
  if (read.error) {
    ++summary.failed;
    if (!first_error) first_error = summary.errors.size();
    summary.errors.push_back(std::move(*read.error));
  }
  if (container) {
    if (first_error)
      record_failure(container->content_hash, container->path, summary.errors, *first_error);
    else if (all_stored)
      forget_failure(container->content_hash);
  }
  if (!all_stored) return;
  // Recorded last and only when every unit is stored: a zip with a bad
  // member is read again next time (its stored members skipped by hash).
  std::vector<store::ImportedFile> files;
  for (const auto& file : read.on_success)
    files.push_back(store::ImportedFile{m_target.athlete_id, file.content_hash, file.label,
                                        extension_format(file.name), 0});
  if (container) {
    container->activities = activities;
    files.push_back(*container);
  }
  if (files.empty()) return;
  store::WriteTransaction tx(m_db);
  for (const auto& file : files) m_repository->record_imported_file(file);
  tx.commit();
}

}  // namespace runload::app
