-- The whole current schema of a runload database. A test migrates an empty
-- database and compares the result with this file; keep them in step.

-- Athletes: one database can hold several (a physio following patients).
-- The IANA zone is stored so that reports never change with the host's TZ.
CREATE TABLE athletes (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  timezone   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- optional, for the heel-rise norms and a line of context (0008)
  born_year  INTEGER CHECK (born_year BETWEEN 1900 AND 9999),
  sex        TEXT CHECK (sex IN ('female', 'male')),
  -- optional, for Banister's TRIMP, beats per minute (0011)
  hr_rest    INTEGER CHECK (hr_rest BETWEEN 25 AND 120),
  hr_max     INTEGER CHECK (hr_max BETWEEN 100 AND 230)
);

-- Activities: one row per run (or other sport), merged across the files it
-- came from (DESIGN.md section 4). Unknown values are NULL, never 0.
-- start_utc is unix seconds; utc_offset_s the offset in force at the start,
-- from the file ('file'), from the athlete's zone at a UTC instant ('zone':
-- a zone change keeps the instant and re-derives the offset), or from the
-- zone for a naive wall-clock time ('local', Garmin Connect and runload
-- CSVs: a zone change keeps the wall time and moves the instant).
-- local_date (YYYY-MM-DD) is start_utc + utc_offset_s floored to the day,
-- stored so weekly queries use an index.
-- speed_hist and grade_hist: float32 little-endian metres per bin, bin widths
-- and origins fixed by runload/model/histogram.hpp; NULL without a track.
-- edited: the fields the runner set with `runs set` ("name,sport,gear"),
-- which no later import overwrites.
CREATE TABLE activities (
  id               INTEGER PRIMARY KEY,
  athlete_id       INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  start_utc        INTEGER NOT NULL,
  utc_offset_s     INTEGER NOT NULL,
  offset_origin    TEXT NOT NULL CHECK (offset_origin IN ('file', 'zone', 'local')),
  local_date       TEXT NOT NULL,
  sport            TEXT NOT NULL,
  name             TEXT NOT NULL DEFAULT '',
  distance_m       REAL,
  elapsed_s        INTEGER,
  moving_s         INTEGER,
  elevation_gain_m REAL,
  elevation_loss_m REAL,
  avg_hr           REAL,
  max_hr           REAL,
  avg_cadence      REAL,
  max_cadence      REAL,
  gear             TEXT,
  speed_hist       BLOB,
  grade_hist       BLOB,
  created_at       TEXT NOT NULL,
  edited           TEXT NOT NULL DEFAULT '',
  -- the temperature at the start: 'weather' (Strava) or 'device' (the
  -- watch's sensor, which reads high from body heat) (0008)
  temperature_c      REAL,
  temperature_source TEXT CHECK (temperature_source IN ('weather', 'device')),
  -- float32 little-endian seconds per 1 bpm bin from 30 bpm, centred on
  -- whole beats (runload/model/histogram.hpp); NULL without heart rate (0011)
  hr_hist            BLOB
);
CREATE INDEX activities_by_start ON activities(athlete_id, start_utc);
-- with the offset, so that the report's check of dates and offsets reads the
-- index alone (0013)
CREATE INDEX activities_by_day_offset ON activities(athlete_id, local_date, utc_offset_s);

-- Where each activity came from: a CSV row (with its line) or a track file.
-- An activity merged from two sources has two rows.
CREATE TABLE activity_sources (
  id          INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  format      TEXT NOT NULL,
  file        TEXT NOT NULL,
  line        INTEGER,
  file_hash   TEXT NOT NULL
);
CREATE INDEX activity_sources_by_activity ON activity_sources(activity_id);
CREATE INDEX activity_sources_by_file_hash ON activity_sources(file_hash);

-- Files already imported, by content: a file with a known hash is skipped
-- before parsing. Hashes (content_hash here, file_hash in activity_sources and
-- deleted_activity_files, content_hash in failed_files) are lower-case hex:
-- 32 digits for XXH3-128, 64 for the SHA-256 of rows written before 0009.
CREATE TABLE imported_files (
  id          INTEGER PRIMARY KEY,
  athlete_id  INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  path        TEXT NOT NULL,
  format      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  activities  INTEGER NOT NULL,
  UNIQUE (athlete_id, content_hash)
);

-- The Achilles journal (DESIGN.md section 3, "Journal days"): one row per
-- athlete and day; unknown values are NULL, never 0.
CREATE TABLE journal_entries (
  id                INTEGER PRIMARY KEY,
  athlete_id        INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  stiffness         INTEGER CHECK (stiffness BETWEEN 0 AND 10),
  stiffness_minutes INTEGER CHECK (stiffness_minutes BETWEEN 0 AND 1440),
  pain_run          INTEGER CHECK (pain_run BETWEEN 0 AND 10),
  pain_after        INTEGER CHECK (pain_after BETWEEN 0 AND 10),
  swelling          INTEGER CHECK (swelling IN (0, 1)),
  pop               INTEGER CHECK (pop IN (0, 1)),
  side              TEXT CHECK (side IN ('left', 'right', 'both')),
  note              TEXT,
  updated_at        TEXT NOT NULL,
  -- a doctor or physiotherapist assessed the tendon that day (0005)
  assessed          INTEGER CHECK (assessed IN (0, 1)),
  UNIQUE (athlete_id, date)
);

-- The values a journal row held before each update, so that no answer is
-- ever lost: updated_at is when those values were written, changed_at when
-- they were replaced.
CREATE TABLE journal_history (
  id                INTEGER PRIMARY KEY,
  athlete_id        INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  date              TEXT NOT NULL,
  stiffness         INTEGER,
  stiffness_minutes INTEGER,
  pain_run          INTEGER,
  pain_after        INTEGER,
  swelling          INTEGER,
  pop               INTEGER,
  side              TEXT,
  note              TEXT,
  updated_at        TEXT NOT NULL,
  changed_at        TEXT NOT NULL,
  assessed          INTEGER
);
CREATE INDEX journal_history_by_day ON journal_history(athlete_id, date);

-- The runner's shoes (0006). Activities name their shoe in activities.gear.
CREATE TABLE gear (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  brand      TEXT,
  model      TEXT,
  drop_mm    REAL CHECK (drop_mm BETWEEN -5 AND 30),
  stack_mm   REAL CHECK (stack_mm BETWEEN 0 AND 80),
  minimalist INTEGER NOT NULL DEFAULT 0 CHECK (minimalist IN (0, 1)),
  limit_km   REAL CHECK (limit_km > 0),
  since      TEXT,
  retired_on TEXT,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (athlete_id, name)
);
CREATE INDEX activities_by_gear ON activities(athlete_id, gear);

-- Activities the runner deleted (`runs delete`): importing the same run again
-- (the same-run rule) does not bring them back; `import --undelete` does.
-- deleted_activity_files holds the files each came from, by content hash.
CREATE TABLE deleted_activities (
  id          INTEGER PRIMARY KEY,
  athlete_id  INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  activity_id INTEGER NOT NULL,
  start_utc   INTEGER NOT NULL,
  distance_m  REAL,
  elapsed_s   INTEGER,
  moving_s    INTEGER,
  sport       TEXT NOT NULL,
  name        TEXT NOT NULL,
  deleted_at  TEXT NOT NULL
);
CREATE INDEX deleted_activities_by_start ON deleted_activities(athlete_id, start_utc);
CREATE TABLE deleted_activity_files (
  deleted_id  INTEGER NOT NULL REFERENCES deleted_activities(id) ON DELETE CASCADE,
  file_hash  TEXT NOT NULL,
  PRIMARY KEY (deleted_id, file_hash)
);
CREATE INDEX deleted_activity_files_by_hash ON deleted_activity_files(file_hash);

-- Files whose import failed, by content: the same content is then counted as
-- failed before, not reported again in full; `import --retry-failed` reads it.
CREATE TABLE failed_files (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL,
  path       TEXT NOT NULL,
  message    TEXT NOT NULL,
  failed_at  TEXT NOT NULL,
  UNIQUE (athlete_id, content_hash)
);

-- VISA-A (Robinson et al. 2001): one questionnaire per athlete and day. Q8
-- is answered on one branch, with the branch's own scores.
CREATE TABLE visa_a (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  q1         INTEGER NOT NULL CHECK (q1 BETWEEN 0 AND 10),
  q2         INTEGER NOT NULL CHECK (q2 BETWEEN 0 AND 10),
  q3         INTEGER NOT NULL CHECK (q3 BETWEEN 0 AND 10),
  q4         INTEGER NOT NULL CHECK (q4 BETWEEN 0 AND 10),
  q5         INTEGER NOT NULL CHECK (q5 BETWEEN 0 AND 10),
  q6         INTEGER NOT NULL CHECK (q6 BETWEEN 0 AND 10),
  q7         INTEGER NOT NULL CHECK (q7 IN (0, 4, 7, 10)),
  q8_branch  TEXT NOT NULL CHECK (q8_branch IN ('A', 'B', 'C')),
  q8         INTEGER NOT NULL CHECK ((q8_branch = 'A' AND q8 IN (0, 7, 14, 21, 30)) OR
                                     (q8_branch = 'B' AND q8 IN (0, 4, 10, 14, 20)) OR
                                     (q8_branch = 'C' AND q8 IN (0, 2, 5, 7, 10))),
  updated_at TEXT NOT NULL,
  UNIQUE (athlete_id, date)
);

-- Single-leg heel raises to fatigue, one test per athlete and day.
CREATE TABLE heel_rise_tests (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  left_reps  INTEGER NOT NULL CHECK (left_reps BETWEEN 0 AND 200),
  right_reps INTEGER NOT NULL CHECK (right_reps BETWEEN 0 AND 200),
  updated_at TEXT NOT NULL,
  UNIQUE (athlete_id, date)
);

-- The rehab log: any number of exercises a day (twice-daily programmes).
-- exercise is an id of the catalogue in journal/exercises.hpp.
CREATE TABLE rehab_sessions (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  exercise   TEXT NOT NULL,
  sets       INTEGER CHECK (sets BETWEEN 1 AND 50),
  reps       INTEGER CHECK (reps BETWEEN 1 AND 1000),
  load_kg    REAL CHECK (load_kg BETWEEN 0 AND 500),
  pain       INTEGER CHECK (pain BETWEEN 0 AND 10),
  created_at TEXT NOT NULL
);
CREATE INDEX rehab_sessions_by_date ON rehab_sessions(athlete_id, date);

-- Medication courses: from the first to the last day taken (NULL: still
-- taking it). kind is the class the rules know, as recorded.
CREATE TABLE medications (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL
             CHECK (kind IN ('fluoroquinolone', 'corticosteroid', 'corticosteroid_injection',
                             'other')),
  date_from  TEXT NOT NULL CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  date_to    TEXT CHECK (date_to IS NULL OR (date_to GLOB
                         '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date_to >= date_from)),
  created_at TEXT NOT NULL,
  UNIQUE (athlete_id, name, date_from)
);

-- Achilles episodes the runner records (NULL date_to: ongoing).
CREATE TABLE episodes (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  date_from  TEXT NOT NULL CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  date_to    TEXT CHECK (date_to IS NULL OR (date_to GLOB
                         '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date_to >= date_from)),
  note       TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (athlete_id, date_from)
);

-- The files `runload export` wrote (absolute paths), so that `delete-all
-- --yes` removes them with the database (0012). Not itself exported.
CREATE TABLE exports (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL UNIQUE,
  format      TEXT NOT NULL CHECK (format IN ('json', 'csv', 'sqlite')),
  exported_at TEXT NOT NULL,
  -- the file as written: one changed since (a snapshot used as a database)
  -- is no longer the export, and delete-all leaves it
  size        INTEGER NOT NULL,
  modified_ns INTEGER NOT NULL
);

-- An athlete's settings (docs/SETTINGS.md): one row per key the runner set,
-- its value as text, checked against the key's safe range before it is
-- stored; a key without a row has its default.
CREATE TABLE settings (
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  key        TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  value      TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (athlete_id, key)
);
