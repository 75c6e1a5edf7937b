#include <runload/store/activity_repository.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include <runload/error.hpp>
#include <runload/identity/activity_merge.hpp>
#include <runload/model/local_time.hpp>
#include <runload/store/database.hpp>
#include <runload/store/gear_repository.hpp>
#include <runload/store/running_sql.hpp>

namespace runload::store {

using identity::classify_match;
using identity::is_same_run;
using identity::k_same_run_start_window;
using identity::MatchKind;
using identity::merge_activities;

namespace {

constexpr const char* k_columns =
    "id, start_utc, utc_offset_s, offset_origin, sport, name, distance_m, elapsed_s, moving_s, "
    "elevation_gain_m, elevation_loss_m, avg_hr, max_hr, avg_cadence, max_cadence, gear, "
    "local_date, temperature_c, temperature_source";
constexpr int k_local_date_column = 16;
constexpr int k_temperature_column = 17;  // and its source after it
constexpr int k_speed_hist_column = 19;
constexpr int k_grade_hist_column = 20;
constexpr int k_heart_rate_hist_column = 21;

// No UTC offset in force anywhere is beyond +-14 h; +-18 h is what ISO 8601
// and the tz database allow.
constexpr std::int64_t k_max_offset_s = 18 * 3600;

// The edited column: the fields `runs set` changed.
constexpr std::string_view k_edited_sport = "sport";
constexpr std::string_view k_edited_name = "name";
constexpr std::string_view k_edited_gear = "gear";
// Histograms are read only when asked: `runs` has no use for them.
constexpr const char* k_histogram_columns = ", speed_hist, grade_hist, hr_hist";

// A zero-length blob must bind as a blob, not as NULL: an empty histogram
// (a track that never moved) is known, not unknown.
constexpr std::array<unsigned char, 1> k_empty_blob{0};

std::string utc_now_iso() {
  return model::format_utc(date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::string describe_start(const model::Activity& activity) {
  return model::format_utc(activity.start_utc);
}

// A stored start as text: ISO 8601 within years 1 to 99999, else the number
// (a start so far out that calendar arithmetic on it would overflow).
std::string start_text(std::int64_t unix_seconds) {
  constexpr std::int64_t k_year_1 = -62135596800;
  constexpr std::int64_t k_year_99999 = 3093527980800;
  if (unix_seconds < k_year_1 || unix_seconds > k_year_99999)
    return fmt::format("unix time {}", unix_seconds);
  return model::format_utc(date::sys_seconds{std::chrono::seconds{unix_seconds}});
}

std::string_view origin_name(model::OffsetOrigin origin) {
  switch (origin) {
    case model::OffsetOrigin::file:
      return "file";
    case model::OffsetOrigin::zone:
      return "zone";
    case model::OffsetOrigin::wall_clock:
      return "local";
  }
  return "zone";
}

model::OffsetOrigin origin_from_name(std::string_view name) {
  if (name == "file") return model::OffsetOrigin::file;
  if (name == "local") return model::OffsetOrigin::wall_clock;
  return model::OffsetOrigin::zone;
}

std::vector<std::string> split_fields(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > start) fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return fields;
}

bool has_field(const std::vector<std::string>& fields, std::string_view field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

void bind_real(SQLite::Statement& stmt, int index, const std::optional<double>& value,
               const model::Activity& activity, std::string_view field) {
  if (!value) return stmt.bind(index);
  if (!std::isfinite(*value))
    throw std::invalid_argument(fmt::format("activity starting {}: {} is not a finite number",
                                            describe_start(activity), field));
  stmt.bind(index, *value);
}

void bind_seconds(SQLite::Statement& stmt, int index,
                  const std::optional<std::chrono::seconds>& value) {
  if (!value) return stmt.bind(index);
  stmt.bind(index, static_cast<std::int64_t>(value->count()));
}

// float32 little-endian metres (speed, grade) or seconds (heart rate) per
// bin, trailing empty bins dropped: a one-hour run takes a few hundred bytes. Origin and width are
// not stored; they are the model's constants, checked here.
std::string encode_histogram(const model::Histogram& histogram, double origin, double width,
                             const model::Activity& activity, std::string_view field) {
  if (std::abs(histogram.origin - origin) > 1e-9 || std::abs(histogram.width - width) > 1e-9)
    throw std::invalid_argument(fmt::format(
        "activity starting {}: {} has origin {} and width {}, not {} and {}",
        describe_start(activity), field, histogram.origin, histogram.width, origin, width));
  std::size_t bins = histogram.metres.size();
  while (bins > 0 && histogram.metres[bins - 1] == 0.0) --bins;
  std::string blob;
  blob.reserve(bins * 4);
  for (std::size_t i = 0; i < bins; ++i) {
    const double metres = histogram.metres[i];
    if (!std::isfinite(metres))
      throw std::invalid_argument(fmt::format("activity starting {}: {} bin {} is not finite",
                                              describe_start(activity), field, i));
    const auto bits = std::bit_cast<std::uint32_t>(static_cast<float>(metres));
    for (int shift = 0; shift < 32; shift += 8)
      blob.push_back(static_cast<char>((bits >> shift) & 0xFFu));
  }
  return blob;
}

void bind_histogram(SQLite::Statement& stmt, int index,
                    const std::optional<model::Histogram>& histogram, double origin, double width,
                    const model::Activity& activity, std::string_view field) {
  if (!histogram) return stmt.bind(index);
  const std::string blob = encode_histogram(*histogram, origin, width, activity, field);
  if (blob.empty())
    stmt.bind(index, k_empty_blob.data(), 0);
  else
    stmt.bind(index, blob.data(), static_cast<int>(blob.size()));
}

std::optional<model::Histogram> decode_histogram(const SQLite::Column& column, double origin,
                                                 double width, std::int64_t activity_id) {
  if (column.isNull()) return std::nullopt;
  const auto size = static_cast<std::size_t>(column.getBytes());
  if (size % 4 != 0)
    throw DatabaseError(fmt::format("activity {}: {} holds {} bytes, not a multiple of 4",
                                    activity_id, column.getName(), size));
  const auto* bytes = static_cast<const unsigned char*>(column.getBlob());
  model::Histogram histogram{origin, width, {}};
  histogram.metres.reserve(size / 4);
  for (std::size_t i = 0; i < size; i += 4) {
    std::uint32_t bits = 0;
    for (int b = 3; b >= 0; --b) bits = (bits << 8) | bytes[i + static_cast<std::size_t>(b)];
    histogram.metres.push_back(static_cast<double>(std::bit_cast<float>(bits)));
  }
  return histogram;
}

std::optional<double> real_or_null(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getDouble();
}

std::optional<std::chrono::seconds> seconds_or_null(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return std::chrono::seconds{column.getInt64()};
}

// Why the row of k_columns cannot be read as an activity, judged from its
// columns, or nullopt.
std::optional<std::string> column_problem(SQLite::Statement& row) {
  const std::string local_date = row.getColumn(k_local_date_column).getString();
  if (!model::parse_date(local_date))
    return fmt::format(
        "its local date '{}' is not a date runload can use (YYYY-MM-DD, year 9999 "
        "at most)",
        local_date);
  const std::int64_t offset = row.getColumn(2).getInt64();
  if (offset < -k_max_offset_s || offset > k_max_offset_s)
    return fmt::format("its UTC offset of {} s is beyond +-18 hours", offset);
  return std::nullopt;
}

// A temperature and where it came from; both or neither are stored.
std::optional<model::Temperature> read_temperature(const SQLite::Column& celsius,
                                                   const SQLite::Column& source,
                                                   std::int64_t activity_id) {
  if (celsius.isNull()) return std::nullopt;
  const auto origin =
      model::temperature_source_from_string(source.isNull() ? "" : source.getString());
  if (!origin)
    throw DatabaseError(
        fmt::format("activity {}: temperature_source is not weather or device", activity_id));
  return model::Temperature{celsius.getDouble(), *origin};
}

// Reads the columns of k_columns (and k_histogram_columns when present).
model::Activity read_activity(SQLite::Statement& row, WithHistograms histograms) {
  model::Activity a;
  a.id = row.getColumn(0).getInt64();
  a.start_utc = date::sys_seconds{std::chrono::seconds{row.getColumn(1).getInt64()}};
  a.utc_offset = std::chrono::seconds{row.getColumn(2).getInt64()};
  a.offset_origin = origin_from_name(row.getColumn(3).getString());
  // A sport name from a newer runload reads as `other`, which counts as no running load.
  a.sport = model::sport_from_string(row.getColumn(4).getString()).value_or(model::Sport::other);
  a.name = row.getColumn(5).getString();
  a.distance_m = real_or_null(row.getColumn(6));
  a.elapsed = seconds_or_null(row.getColumn(7));
  a.moving = seconds_or_null(row.getColumn(8));
  a.elevation_gain_m = real_or_null(row.getColumn(9));
  a.elevation_loss_m = real_or_null(row.getColumn(10));
  a.avg_hr = real_or_null(row.getColumn(11));
  a.max_hr = real_or_null(row.getColumn(12));
  a.avg_cadence = real_or_null(row.getColumn(13));
  a.max_cadence = real_or_null(row.getColumn(14));
  if (!row.getColumn(15).isNull()) a.gear = row.getColumn(15).getString();
  a.temperature = read_temperature(row.getColumn(k_temperature_column),
                                   row.getColumn(k_temperature_column + 1), *a.id);
  if (histograms == WithHistograms::yes) {
    a.speed_histogram =
        decode_histogram(row.getColumn(k_speed_hist_column), 0.0, model::k_speed_bin_mps, *a.id);
    a.grade_histogram = decode_histogram(row.getColumn(k_grade_hist_column),
                                         model::k_grade_origin_pct, model::k_grade_bin_pct, *a.id);
    a.heart_rate_histogram =
        decode_histogram(row.getColumn(k_heart_rate_hist_column), model::k_heart_rate_origin_bpm,
                         model::k_heart_rate_bin_bpm, *a.id);
  }
  return a;
}

// The row as an activity, or why it cannot be one (UnusableActivity).
std::optional<model::Activity> read_usable(SQLite::Statement& row, WithHistograms histograms,
                                           std::int64_t athlete_id,
                                           std::vector<UnusableActivity>* unusable) {
  std::optional<std::string> problem = column_problem(row);
  std::optional<model::Activity> activity;
  if (!problem) {
    try {
      activity = read_activity(row, histograms);
    } catch (const DatabaseError& e) {
      problem = e.what();
    }
  }
  if (!problem) return activity;
  const std::int64_t id = row.getColumn(0).getInt64();
  const std::string start = start_text(row.getColumn(1).getInt64());
  if (unusable == nullptr)
    throw DatabaseError(fmt::format(
        "activity {} (started {}) cannot be used: {}; 'runload runs delete {}' removes it", id,
        start, *problem, id));
  unusable->push_back(UnusableActivity{id, athlete_id, start, *problem});
  return std::nullopt;
}

// `query` selects format, file, line of one activity's sources, ordered.
std::vector<model::Source> read_sources(SQLite::Statement& query, std::int64_t activity_id) {
  query.bind(1, activity_id);
  std::vector<model::Source> sources;
  while (query.executeStep()) {
    model::Source s{query.getColumn(0).getString(), query.getColumn(1).getString(), std::nullopt};
    if (!query.getColumn(2).isNull()) s.line = query.getColumn(2).getInt64();
    sources.push_back(std::move(s));
  }
  return sources;
}

// Binds every activity column from `start` on, in the order of the UPDATE
// and INSERT statements below; returns the next index.
int bind_activity(SQLite::Statement& stmt, int start, const model::Activity& a) {
  int i = start;
  stmt.bind(i++, static_cast<std::int64_t>(a.start_utc.time_since_epoch().count()));
  stmt.bind(i++, static_cast<std::int64_t>(a.utc_offset.count()));
  stmt.bind(i++, std::string(origin_name(a.offset_origin)));
  stmt.bind(i++, model::format_date(a.local_date()));
  stmt.bind(i++, std::string(model::to_string(a.sport)));
  stmt.bind(i++, a.name);
  bind_real(stmt, i++, a.distance_m, a, "distance_m");
  bind_seconds(stmt, i++, a.elapsed);
  bind_seconds(stmt, i++, a.moving);
  bind_real(stmt, i++, a.elevation_gain_m, a, "elevation_gain_m");
  bind_real(stmt, i++, a.elevation_loss_m, a, "elevation_loss_m");
  bind_real(stmt, i++, a.avg_hr, a, "avg_hr");
  bind_real(stmt, i++, a.max_hr, a, "max_hr");
  bind_real(stmt, i++, a.avg_cadence, a, "avg_cadence");
  bind_real(stmt, i++, a.max_cadence, a, "max_cadence");
  if (a.gear)
    stmt.bind(i++, *a.gear);
  else
    stmt.bind(i++);
  bind_histogram(stmt, i++, a.speed_histogram, 0.0, model::k_speed_bin_mps, a, "speed histogram");
  bind_histogram(stmt, i++, a.grade_histogram, model::k_grade_origin_pct, model::k_grade_bin_pct, a,
                 "grade histogram");
  std::optional<double> celsius;
  if (a.temperature) celsius = a.temperature->celsius;
  bind_real(stmt, i++, celsius, a, "temperature_c");
  if (a.temperature)
    stmt.bind(i++, std::string(model::to_string(a.temperature->source)));
  else
    stmt.bind(i++);
  bind_histogram(stmt, i++, a.heart_rate_histogram, model::k_heart_rate_origin_bpm,
                 model::k_heart_rate_bin_bpm, a, "heart-rate histogram");
  return i;
}

enum class Query : std::size_t {
  insert,
  update,
  insert_source,
  find,
  sources_of,
  same_run,
  file_imported,
  record_file,
  count,
};

// Indexed by Query.
const std::array<std::string, static_cast<std::size_t>(Query::count)> k_queries{
    "INSERT INTO activities(start_utc, utc_offset_s, offset_origin, local_date, sport, name, "
    "distance_m, elapsed_s, moving_s, elevation_gain_m, elevation_loss_m, avg_hr, max_hr, "
    "avg_cadence, max_cadence, gear, speed_hist, grade_hist, temperature_c, temperature_source, "
    "hr_hist, athlete_id, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?)",
    "UPDATE activities SET start_utc = ?, utc_offset_s = ?, offset_origin = ?, local_date = ?, "
    "sport = ?, name = ?, distance_m = ?, elapsed_s = ?, moving_s = ?, elevation_gain_m = ?, "
    "elevation_loss_m = ?, avg_hr = ?, max_hr = ?, avg_cadence = ?, max_cadence = ?, gear = ?, "
    "speed_hist = ?, grade_hist = ?, temperature_c = ?, temperature_source = ?, hr_hist = ? "
    "WHERE id = ?",
    "INSERT INTO activity_sources(activity_id, format, file, line, file_hash) "
    "VALUES(?, ?, ?, ?, ?)",
    fmt::format("SELECT {}{} FROM activities WHERE id = ?", k_columns, k_histogram_columns),
    "SELECT format, file, line FROM activity_sources WHERE activity_id = ? ORDER BY id",
    fmt::format("SELECT {}{} FROM activities WHERE athlete_id = ? AND start_utc BETWEEN ? AND ? "
                "ORDER BY abs(start_utc - ?), id",
                k_columns, k_histogram_columns),
    "SELECT 1 FROM imported_files WHERE athlete_id = ? AND content_hash = ?",
    "INSERT INTO imported_files(athlete_id, content_hash, path, format, imported_at, activities) "
    "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(athlete_id, content_hash) DO NOTHING",
};

// One use of a cached statement: on the way out, whatever happened, it is
// reset, ending its read. Every use binds all the parameters again.
class Use {
 public:
  explicit Use(SQLite::Statement& stmt) noexcept : m_stmt(stmt) {}
  ~Use() { m_stmt.tryReset(); }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  SQLite::Statement& operator*() noexcept { return m_stmt; }
  SQLite::Statement* operator->() noexcept { return &m_stmt; }

 private:
  SQLite::Statement& m_stmt;
};

}  // namespace

struct ActivityRepository::Statements {
  std::array<std::unique_ptr<SQLite::Statement>, static_cast<std::size_t>(Query::count)> cached;

  // Prepares on first use; the statement stays valid while the connection does.
  Use use(SQLite::Database& sql, Query query) {
    auto& slot = cached[static_cast<std::size_t>(query)];
    if (!slot)
      slot = std::make_unique<SQLite::Statement>(sql, k_queries[static_cast<std::size_t>(query)]);
    return Use(*slot);
  }
};

ActivityRepository::ActivityRepository(Database& db)
    : m_db(db), m_statements(std::make_unique<Statements>()) {}

ActivityRepository::~ActivityRepository() = default;

std::int64_t ActivityRepository::insert(std::int64_t athlete_id, const model::Activity& given,
                                        std::string_view file_hash) {
  auto& sql = m_db.sql();
  std::int64_t id = 0;
  model::Activity activity = given;
  if (model::is_running(activity.sport) && !activity.gear)
    activity.gear = GearRepository(m_db, athlete_id).default_name();
  {
    auto stmt = m_statements->use(sql, Query::insert);
    int next = bind_activity(*stmt, 1, activity);
    stmt->bind(next++, athlete_id);
    stmt->bind(next, utc_now_iso());
    stmt->exec();
    id = sql.getLastInsertRowid();
  }
  insert_sources(id, activity.sources, 0, file_hash);
  return id;
}

void ActivityRepository::update(const model::Activity& merged, std::size_t first_new_source,
                                std::string_view file_hash) {
  {
    auto stmt = m_statements->use(m_db.sql(), Query::update);
    const int next = bind_activity(*stmt, 1, merged);
    stmt->bind(next, *merged.id);
    stmt->exec();
  }
  insert_sources(*merged.id, merged.sources, first_new_source, file_hash);
}

void ActivityRepository::insert_sources(std::int64_t activity_id,
                                        const std::vector<model::Source>& sources,
                                        std::size_t first, std::string_view file_hash) {
  auto stmt = m_statements->use(m_db.sql(), Query::insert_source);
  for (std::size_t i = first; i < sources.size(); ++i) {
    const auto& source = sources[i];
    stmt->bind(1, activity_id);
    stmt->bind(2, source.format);
    stmt->bind(3, source.file);
    if (source.line)
      stmt->bind(4, *source.line);
    else
      stmt->bind(4);
    stmt->bind(5, std::string(file_hash));
    stmt->exec();
    stmt->reset();
  }
}

std::optional<model::Activity> ActivityRepository::find(std::int64_t activity_id) {
  auto& sql = m_db.sql();
  std::optional<model::Activity> activity;
  {
    auto query = m_statements->use(sql, Query::find);
    query->bind(1, activity_id);
    if (!query->executeStep()) return std::nullopt;
    activity = read_activity(*query, WithHistograms::yes);
  }
  activity->sources = read_sources(*m_statements->use(sql, Query::sources_of), activity_id);
  return activity;
}

std::optional<model::Activity> ActivityRepository::find_same_run(std::int64_t athlete_id,
                                                                 const model::Activity& activity) {
  auto& sql = m_db.sql();
  const std::int64_t start = activity.start_utc.time_since_epoch().count();
  const std::int64_t window = k_same_run_start_window.count();
  auto query = m_statements->use(sql, Query::same_run);
  query->bind(1, athlete_id);
  query->bind(2, start - window);
  query->bind(3, start + window);
  query->bind(4, start);
  while (query->executeStep()) {
    auto candidate = read_activity(*query, WithHistograms::yes);
    if (!is_same_run(candidate, activity)) continue;
    candidate.sources = read_sources(*m_statements->use(sql, Query::sources_of), *candidate.id);
    return candidate;
  }
  return std::nullopt;
}

StoreOutcome ActivityRepository::store(std::int64_t athlete_id, const model::Activity& incoming,
                                       std::string_view file_hash, Undelete undelete) {
  if (const auto deleted = deleted_same_run(athlete_id, incoming)) {
    if (undelete == Undelete::no) {
      SQLite::Statement query(m_db.sql(),
                              "SELECT activity_id FROM deleted_activities WHERE id = ?");
      query.bind(1, *deleted);
      query.executeStep();
      return {StoreOutcome::Kind::deleted, query.getColumn(0).getInt64(), std::nullopt};
    }
    SQLite::Statement forget(m_db.sql(), "DELETE FROM deleted_activities WHERE id = ?");
    forget.bind(1, *deleted);
    forget.exec();
  }
  const auto stored = find_same_run(athlete_id, incoming);
  if (!stored) {
    StoreOutcome outcome{StoreOutcome::Kind::inserted, insert(athlete_id, incoming, file_hash),
                         std::nullopt};
    outcome.new_shoe = ensure_shoe(outcome.activity_id);
    return outcome;
  }
  return store_into(*stored, incoming, file_hash);
}

StoreOutcome ActivityRepository::store_into(const model::Activity& stored,
                                            const model::Activity& incoming,
                                            std::string_view file_hash) {
  if (classify_match(stored, incoming) == MatchKind::duplicate)
    return {StoreOutcome::Kind::duplicate, *stored.id, std::nullopt};
  auto merged = merge_activities(stored, incoming);
  // What the runner set by hand outranks every file.
  const auto edited = edited_fields(*stored.id);
  if (has_field(edited, k_edited_sport)) merged.sport = stored.sport;
  if (has_field(edited, k_edited_name)) merged.name = stored.name;
  if (has_field(edited, k_edited_gear)) merged.gear = stored.gear;
  update(merged, stored.sources.size(), file_hash);
  return {StoreOutcome::Kind::merged, *stored.id, ensure_shoe(*stored.id)};
}

std::optional<std::string> ActivityRepository::ensure_shoe(std::int64_t activity_id) {
  SQLite::Statement q(m_db.sql(),
                      fmt::format("SELECT athlete_id, gear FROM activities WHERE id = ? AND gear "
                                  "IS NOT NULL AND gear <> '' AND sport IN {}",
                                  k_running_sports_sql));
  q.bind(1, activity_id);
  if (!q.executeStep()) return std::nullopt;
  model::Gear shoe;
  shoe.name = q.getColumn(1).getString();
  if (!GearRepository(m_db, q.getColumn(0).getInt64()).ensure(shoe)) return std::nullopt;
  return shoe.name;
}

std::vector<std::string> ActivityRepository::edited_fields(std::int64_t activity_id) {
  SQLite::Statement query(m_db.sql(), "SELECT edited FROM activities WHERE id = ?");
  query.bind(1, activity_id);
  if (!query.executeStep()) return {};
  return split_fields(query.getColumn(0).getString());
}

std::optional<std::int64_t> ActivityRepository::deleted_same_run(std::int64_t athlete_id,
                                                                 const model::Activity& incoming) {
  const std::int64_t start = incoming.start_utc.time_since_epoch().count();
  const std::int64_t window = k_same_run_start_window.count();
  SQLite::Statement query(m_db.sql(),
                          "SELECT id, start_utc, distance_m, elapsed_s, moving_s FROM "
                          "deleted_activities WHERE athlete_id = ? AND start_utc BETWEEN ? AND ? "
                          "ORDER BY abs(start_utc - ?), id");
  query.bind(1, athlete_id);
  query.bind(2, start - window);
  query.bind(3, start + window);
  query.bind(4, start);
  while (query.executeStep()) {
    model::Activity deleted;
    deleted.start_utc = date::sys_seconds{std::chrono::seconds{query.getColumn(1).getInt64()}};
    deleted.distance_m = real_or_null(query.getColumn(2));
    deleted.elapsed = seconds_or_null(query.getColumn(3));
    deleted.moving = seconds_or_null(query.getColumn(4));
    if (is_same_run(deleted, incoming)) return query.getColumn(0).getInt64();
  }
  return std::nullopt;
}

std::optional<ActivityDetails> ActivityRepository::details(std::int64_t athlete_id,
                                                           std::int64_t activity_id) {
  {
    SQLite::Statement owner(m_db.sql(), "SELECT 1 FROM activities WHERE id = ? AND athlete_id = ?");
    owner.bind(1, activity_id);
    owner.bind(2, athlete_id);
    if (!owner.executeStep()) return std::nullopt;
  }
  auto activity = find(activity_id);
  if (!activity) return std::nullopt;
  ActivityDetails details{std::move(*activity), {}, edited_fields(activity_id), {}};
  SQLite::Statement created(m_db.sql(), "SELECT created_at FROM activities WHERE id = ?");
  created.bind(1, activity_id);
  if (created.executeStep()) details.created_at = created.getColumn(0).getString();
  SQLite::Statement hashes(m_db.sql(),
                           "SELECT file_hash FROM activity_sources WHERE activity_id = ? ORDER "
                           "BY id");
  hashes.bind(1, activity_id);
  while (hashes.executeStep()) details.source_hash.push_back(hashes.getColumn(0).getString());
  return details;
}

std::vector<model::Activity> ActivityRepository::remove(std::int64_t athlete_id,
                                                        const std::vector<std::int64_t>& ids) {
  auto& sql = m_db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  std::vector<model::Activity> removed;
  SQLite::Statement tombstone(sql,
                              "INSERT INTO deleted_activities(athlete_id, activity_id, start_utc, "
                              "distance_m, elapsed_s, moving_s, sport, name, deleted_at) "
                              "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  // The files it came from, and the archives those were members of
  // ("export.zip!activities/1.fit"), so that importing either again says so.
  SQLite::Statement file(
      sql,
      "INSERT OR IGNORE INTO deleted_activity_files(deleted_id, file_hash) "
      "SELECT ?1, file_hash FROM activity_sources WHERE activity_id = ?2 "
      "UNION SELECT ?1, f.content_hash FROM imported_files f JOIN activity_sources s "
      "ON substr(s.file, 1, length(f.path) + 1) = f.path || '!' "
      "WHERE s.activity_id = ?2 AND f.athlete_id = ?3");
  SQLite::Statement erase(sql, "DELETE FROM activities WHERE id = ? AND athlete_id = ?");
  for (const auto id : ids) {
    auto activity = find(id);
    if (!activity) continue;  // named twice
    tombstone.bind(1, athlete_id);
    tombstone.bind(2, id);
    tombstone.bind(3, static_cast<std::int64_t>(activity->start_utc.time_since_epoch().count()));
    bind_real(tombstone, 4, activity->distance_m, *activity, "distance_m");
    bind_seconds(tombstone, 5, activity->elapsed);
    bind_seconds(tombstone, 6, activity->moving);
    tombstone.bind(7, std::string(model::to_string(activity->sport)));
    tombstone.bind(8, activity->name);
    tombstone.bind(9, utc_now_iso());
    tombstone.exec();
    tombstone.reset();
    file.bind(1, sql.getLastInsertRowid());
    file.bind(2, id);
    file.bind(3, athlete_id);
    file.exec();
    file.reset();
    erase.bind(1, id);
    erase.bind(2, athlete_id);
    erase.exec();
    erase.reset();
    removed.push_back(std::move(*activity));
  }
  tx.commit();
  return removed;
}

model::Activity ActivityRepository::set_fields(std::int64_t activity_id, const ActivityEdit& edit) {
  auto& sql = m_db.sql();
  SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
  auto edited = edited_fields(activity_id);
  const auto mark = [&](std::string_view field) {
    if (!has_field(edited, field)) edited.emplace_back(field);
  };
  SQLite::Statement update(sql,
                           "UPDATE activities SET sport = coalesce(?, sport), name = coalesce(?, "
                           "name), gear = CASE WHEN ? THEN ? ELSE gear END, edited = ? WHERE id "
                           "= ?");
  if (edit.sport) {
    update.bind(1, std::string(model::to_string(*edit.sport)));
    mark(k_edited_sport);
  }
  if (edit.name) {
    update.bind(2, *edit.name);
    mark(k_edited_name);
  }
  update.bind(3, edit.gear.has_value() ? 1 : 0);
  if (edit.gear) {
    mark(k_edited_gear);
    if (!edit.gear->empty()) update.bind(4, *edit.gear);
  }
  update.bind(5, fmt::format("{}", fmt::join(edited, ",")));
  update.bind(6, activity_id);
  update.exec();
  ensure_shoe(activity_id);  // a shoe named by hand is one of the athlete's, as from a file
  tx.commit();
  auto stored = find(activity_id);
  if (!stored) throw DatabaseError(fmt::format("activity {} is not stored", activity_id));
  return *stored;
}

bool ActivityRepository::holds_deleted(std::int64_t athlete_id, std::string_view content_hash) {
  SQLite::Statement query(m_db.sql(),
                          "SELECT 1 FROM deleted_activity_files f JOIN deleted_activities d ON "
                          "d.id = f.deleted_id WHERE d.athlete_id = ? AND f.file_hash = ? "
                          "LIMIT 1");
  query.bind(1, athlete_id);
  query.bind(2, std::string(content_hash));
  return query.executeStep();
}

void ActivityRepository::record_failed_file(const FailedFile& file) {
  SQLite::Statement insert(
      m_db.sql(),
      "INSERT INTO failed_files(athlete_id, content_hash, path, message, failed_at) "
      "VALUES(?, ?, ?, ?, ?) ON CONFLICT(athlete_id, content_hash) DO UPDATE SET "
      "path = excluded.path, message = excluded.message, failed_at = "
      "excluded.failed_at");
  insert.bind(1, file.athlete_id);
  insert.bind(2, file.content_hash);
  insert.bind(3, file.path);
  insert.bind(4, file.message);
  insert.bind(5, utc_now_iso());
  insert.exec();
}

void ActivityRepository::forget_failed_file(std::int64_t athlete_id,
                                            std::string_view content_hash) {
  SQLite::Statement erase(m_db.sql(),
                          "DELETE FROM failed_files WHERE athlete_id = ? AND content_hash = ?");
  erase.bind(1, athlete_id);
  erase.bind(2, std::string(content_hash));
  erase.exec();
}

std::unordered_set<std::string> ActivityRepository::failed_hashes(std::int64_t athlete_id) {
  SQLite::Statement query(m_db.sql(), "SELECT content_hash FROM failed_files WHERE athlete_id = ?");
  query.bind(1, athlete_id);
  std::unordered_set<std::string> hashes;
  while (query.executeStep()) hashes.insert(query.getColumn(0).getString());
  return hashes;
}

std::vector<UnusableActivity> ActivityRepository::unusable(std::optional<std::int64_t> athlete_id,
                                                           UnusableCheck check) {
  // The checks of column_problem() and decode_histogram() in SQL, so that
  // no blob is read. A report runs dates_and_offsets over the athlete's whole
  // history: from the (athlete_id, local_date, utc_offset_s) index alone, and
  // with a range and a length instead of GLOB's every character, a fifth of
  // the time (docs/PERFORMANCE.md); a year past 9999 or before 0 fails it.
  const bool quick = check == UnusableCheck::dates_and_offsets && athlete_id;
  const std::string condition =
      quick ? fmt::format(
                  "length(local_date) != 10 OR local_date NOT BETWEEN '0000-01-01' AND "
                  "'9999-12-31' OR abs(utc_offset_s) > {}",
                  k_max_offset_s)
            : fmt::format(
                  "local_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR "
                  "abs(utc_offset_s) > {} OR length(speed_hist) % 4 != 0 OR "
                  "length(grade_hist) % 4 != 0 OR length(hr_hist) % 4 != 0",
                  k_max_offset_s);
  const std::string where =
      quick ? fmt::format(
                  "id IN (SELECT id FROM activities INDEXED BY activities_by_day_offset "
                  "WHERE athlete_id = ? AND ({}))",
                  condition)
            : fmt::format("{} ({})", athlete_id ? "athlete_id = ? AND" : "", condition);
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT id, athlete_id, start_utc, local_date, utc_offset_s "
                                      "FROM activities WHERE {} ORDER BY athlete_id, start_utc, id",
                                      where));
  if (athlete_id) query.bind(1, *athlete_id);
  std::vector<UnusableActivity> found;
  while (query.executeStep()) {
    UnusableActivity u{query.getColumn(0).getInt64(),
                       query.getColumn(1).getInt64(),
                       start_text(query.getColumn(2).getInt64()),
                       {}};
    const std::string local_date = query.getColumn(3).getString();
    const std::int64_t offset = query.getColumn(4).getInt64();
    if (!model::parse_date(local_date))
      u.reason = fmt::format(
          "its local date '{}' is not a date runload can use (YYYY-MM-DD, year 9999 at most)",
          local_date);
    else if (offset < -k_max_offset_s || offset > k_max_offset_s)
      u.reason = fmt::format("its UTC offset of {} s is beyond +-18 hours", offset);
    else
      u.reason = "a histogram of it is damaged (not whole 4-byte bins)";
    found.push_back(std::move(u));
  }
  return found;
}

std::optional<model::Activity> ActivityRepository::find_by_source_hash(std::int64_t athlete_id,
                                                                       std::string_view file_hash) {
  SQLite::Statement query(m_db.sql(),
                          "SELECT a.id FROM activities a JOIN activity_sources s ON s.activity_id "
                          "= a.id WHERE a.athlete_id = ? AND s.file_hash = ? ORDER BY a.id "
                          "LIMIT 1");
  query.bind(1, athlete_id);
  query.bind(2, std::string(file_hash));
  if (!query.executeStep()) return std::nullopt;
  return find(query.getColumn(0).getInt64());
}

bool ActivityRepository::is_file_imported(std::int64_t athlete_id, std::string_view content_hash) {
  auto query = m_statements->use(m_db.sql(), Query::file_imported);
  query->bind(1, athlete_id);
  query->bind(2, std::string(content_hash));
  return query->executeStep();
}

std::unordered_set<std::string> ActivityRepository::imported_hashes(std::int64_t athlete_id) {
  SQLite::Statement query(m_db.sql(),
                          "SELECT content_hash FROM imported_files WHERE athlete_id = ?");
  query.bind(1, athlete_id);
  std::unordered_set<std::string> hashes;
  while (query.executeStep()) hashes.insert(query.getColumn(0).getString());
  return hashes;
}

bool ActivityRepository::holds_legacy_hashes(std::int64_t athlete_id) {
  // 64 hex digits: SHA-256 (identity::is_legacy_hash); XXH3-128 has 32.
  SQLite::Statement query(
      m_db.sql(),
      "SELECT EXISTS (SELECT 1 FROM imported_files WHERE athlete_id = ?1 AND "
      "length(content_hash) = 64) OR EXISTS (SELECT 1 FROM failed_files WHERE athlete_id = ?1 "
      "AND length(content_hash) = 64) OR EXISTS (SELECT 1 FROM activity_sources s JOIN "
      "activities a ON a.id = s.activity_id WHERE a.athlete_id = ?1 AND length(s.file_hash) = "
      "64) OR EXISTS (SELECT 1 FROM deleted_activity_files f JOIN deleted_activities d ON d.id = "
      "f.deleted_id WHERE d.athlete_id = ?1 AND length(f.file_hash) = 64)");
  query.bind(1, athlete_id);
  query.executeStep();
  return query.getColumn(0).getInt() != 0;
}

bool ActivityRepository::replace_hash(std::int64_t athlete_id, std::string_view legacy,
                                      std::string_view hash) {
  // OR IGNORE then DELETE: where the new identity is already recorded (the
  // same content imported again since), the legacy row is the duplicate.
  static constexpr std::string_view k_moves[] = {
      "UPDATE OR IGNORE imported_files SET content_hash = ?3 WHERE athlete_id = ?1 AND "
      "content_hash = ?2",
      "DELETE FROM imported_files WHERE athlete_id = ?1 AND content_hash = ?2",
      "UPDATE OR IGNORE failed_files SET content_hash = ?3 WHERE athlete_id = ?1 AND "
      "content_hash = ?2",
      "DELETE FROM failed_files WHERE athlete_id = ?1 AND content_hash = ?2",
      "UPDATE activity_sources SET file_hash = ?3 WHERE file_hash = ?2 AND activity_id IN "
      "(SELECT id FROM activities WHERE athlete_id = ?1)",
      "UPDATE OR IGNORE deleted_activity_files SET file_hash = ?3 WHERE file_hash = ?2 AND "
      "deleted_id IN (SELECT id FROM deleted_activities WHERE athlete_id = ?1)",
      "DELETE FROM deleted_activity_files WHERE file_hash = ?2 AND deleted_id IN (SELECT id "
      "FROM deleted_activities WHERE athlete_id = ?1)",
  };
  SQLite::Transaction tx(m_db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
  int changed = 0;
  for (const auto sql : k_moves) {
    SQLite::Statement move(m_db.sql(), std::string(sql));
    move.bind(1, athlete_id);
    move.bind(2, std::string(legacy));
    if (move.getBindParameterCount() == 3) move.bind(3, std::string(hash));
    changed += move.exec();
  }
  tx.commit();
  return changed > 0;
}

void ActivityRepository::record_imported_file(const ImportedFile& file) {
  auto stmt = m_statements->use(m_db.sql(), Query::record_file);
  stmt->bind(1, file.athlete_id);
  stmt->bind(2, file.content_hash);
  stmt->bind(3, file.path);
  stmt->bind(4, file.format);
  stmt->bind(5, utc_now_iso());
  stmt->bind(6, file.activities);
  stmt->exec();
}

std::vector<model::Activity> ActivityRepository::list(std::int64_t athlete_id,
                                                      const LocalDateRange& range,
                                                      WithHistograms histograms,
                                                      std::vector<UnusableActivity>* unusable) {
  auto& sql = m_db.sql();
  // Dates as text compare like dates; the open ends are beyond any real day.
  const std::string from = range.from ? model::format_date(*range.from) : "0000-01-01";
  const std::string to = range.to ? model::format_date(*range.to) : "9999-12-31";
  constexpr const char* k_where = "WHERE athlete_id = ? AND local_date BETWEEN ? AND ?";

  SQLite::Statement query(
      sql, fmt::format("SELECT {}{} FROM activities {} ORDER BY start_utc, id", k_columns,
                       histograms == WithHistograms::yes ? k_histogram_columns : "", k_where));
  query.bind(1, athlete_id);
  query.bind(2, from);
  query.bind(3, to);
  std::vector<model::Activity> activities;
  std::unordered_map<std::int64_t, std::size_t> index_of;
  while (query.executeStep()) {
    auto activity = read_usable(query, histograms, athlete_id, unusable);
    if (!activity) continue;
    activities.push_back(std::move(*activity));
    index_of.emplace(*activities.back().id, activities.size() - 1);
  }
  if (activities.empty()) return activities;

  SQLite::Statement sources(
      sql, fmt::format("SELECT activity_id, format, file, line FROM activity_sources WHERE "
                       "activity_id IN (SELECT id FROM activities {}) ORDER BY activity_id, id",
                       k_where));
  sources.bind(1, athlete_id);
  sources.bind(2, from);
  sources.bind(3, to);
  while (sources.executeStep()) {
    const auto found = index_of.find(sources.getColumn(0).getInt64());
    if (found == index_of.end()) continue;
    model::Source s{sources.getColumn(1).getString(), sources.getColumn(2).getString(),
                    std::nullopt};
    if (!sources.getColumn(3).isNull()) s.line = sources.getColumn(3).getInt64();
    activities[found->second].sources.push_back(std::move(s));
  }
  return activities;
}

std::optional<date::sys_days> ActivityRepository::first_run_date(std::int64_t athlete_id) {
  // A local date that is not a date ('10000-01-01' sorts before '2024-...')
  // is passed over: unusable() names it, and the report says so.
  SQLite::Statement query(m_db.sql(),
                          fmt::format("SELECT local_date FROM activities WHERE athlete_id = ? AND "
                                      "sport IN {} ORDER BY local_date",
                                      k_running_sports_sql));
  query.bind(1, athlete_id);
  while (query.executeStep())
    if (const auto day = model::parse_date(query.getColumn(0).getString())) return day;
  return std::nullopt;
}

RederiveResult ActivityRepository::rederive_local_dates(std::int64_t athlete_id,
                                                        const std::string& zone_name) {
  const date::time_zone* zone = date::locate_zone(zone_name);
  auto& sql = m_db.sql();
  RederiveResult result;
  struct Row {
    std::int64_t id;
    date::sys_seconds start;
    std::chrono::seconds offset;
    model::OffsetOrigin origin;
    bool usable;
  };
  // Read whole before any update: an update moves the row in the index the
  // query walks, which would then meet it again.
  std::vector<Row> rows;
  {
    SQLite::Statement query(sql,
                            "SELECT id, start_utc, utc_offset_s, offset_origin, local_date FROM "
                            "activities WHERE athlete_id = ?");
    query.bind(1, athlete_id);
    while (query.executeStep()) {
      const std::chrono::seconds offset{query.getColumn(2).getInt64()};
      rows.push_back(Row{query.getColumn(0).getInt64(),
                         date::sys_seconds{std::chrono::seconds{query.getColumn(1).getInt64()}},
                         offset, origin_from_name(query.getColumn(3).getString()),
                         model::parse_date(query.getColumn(4).getString()).has_value() &&
                             std::abs(offset.count()) <= k_max_offset_s});
    }
  }
  SQLite::Statement update(
      sql, "UPDATE activities SET start_utc = ?, utc_offset_s = ?, local_date = ? WHERE id = ?");
  for (const auto& row : rows) {
    const std::int64_t id = row.id;
    const date::sys_seconds start = row.start;
    const std::chrono::seconds old_offset = row.offset;
    const auto origin = row.origin;
    // A row a report cannot use stays as it is for `runs delete`.
    if (!row.usable) continue;
    date::sys_seconds new_start = start;
    std::chrono::seconds new_offset = old_offset;
    switch (origin) {
      case model::OffsetOrigin::file:
        ++result.file_offsets;
        continue;
      case model::OffsetOrigin::zone:
        ++result.instants_kept;
        new_offset = model::utc_offset_at(zone, start);
        break;
      case model::OffsetOrigin::wall_clock:
        ++result.wall_times_kept;
        new_start =
            model::local_to_utc(zone, date::local_seconds{(start + old_offset).time_since_epoch()});
        new_offset = model::utc_offset_at(zone, new_start);
        break;
    }
    if (new_start == start && new_offset == old_offset) continue;
    const auto old_day = model::local_day(start, old_offset);
    const auto new_day = model::local_day(new_start, new_offset);
    update.bind(1, static_cast<std::int64_t>(new_start.time_since_epoch().count()));
    update.bind(2, static_cast<std::int64_t>(new_offset.count()));
    update.bind(3, model::format_date(new_day));
    update.bind(4, id);
    update.exec();
    update.reset();
    if (origin == model::OffsetOrigin::zone) {
      ++result.offsets_changed;
      if (new_day != old_day) ++result.dates_changed;
    } else if (new_start != start) {
      ++result.instants_moved;
    }
  }
  return result;
}

}  // namespace runload::store
