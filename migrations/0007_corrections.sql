-- Data a runner can correct: a third origin of UTC offsets, the fields a
-- runner set by hand, the activities a runner deleted, and the files that
-- failed to import.
--
-- activities.offset_origin gains 'local': the file gave a naive wall-clock
-- time (Garmin Connect CSV, runload's CSV), read in the athlete's zone. When
-- the zone changes (`runload athletes set NAME --tz ZONE`) such an activity
-- keeps its wall time and its UTC instant moves; a 'zone' activity (a UTC
-- instant, its offset from the zone) keeps its instant and its local time
-- moves; a 'file' activity keeps both.
-- activities.edited: the fields set with `runload runs set` ("name,sport"),
-- which no later import overwrites.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt;
-- the migrator runs migrations with foreign keys off, so dropping the old
-- table takes no activity_sources row with it.
CREATE TABLE activities_rebuilt (
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
  edited           TEXT NOT NULL DEFAULT ''
);
INSERT INTO activities_rebuilt(id, athlete_id, start_utc, utc_offset_s, offset_origin, local_date,
                            sport, name, distance_m, elapsed_s, moving_s, elevation_gain_m,
                            elevation_loss_m, avg_hr, max_hr, avg_cadence, max_cadence, gear,
                            speed_hist, grade_hist, created_at)
  SELECT id, athlete_id, start_utc, utc_offset_s, offset_origin, local_date, sport, name,
         distance_m, elapsed_s, moving_s, elevation_gain_m, elevation_loss_m, avg_hr, max_hr,
         avg_cadence, max_cadence, gear, speed_hist, grade_hist, created_at
  FROM activities;
DROP TABLE activities;
ALTER TABLE activities_rebuilt RENAME TO activities;
CREATE INDEX activities_by_start ON activities(athlete_id, start_utc);
CREATE INDEX activities_by_local_date ON activities(athlete_id, local_date);
CREATE INDEX activities_by_gear ON activities(athlete_id, gear);

-- Activities stored before this version from wall-clock sources only.
UPDATE activities SET offset_origin = 'local'
  WHERE offset_origin = 'zone'
    AND EXISTS (SELECT 1 FROM activity_sources s WHERE s.activity_id = activities.id)
    AND NOT EXISTS (SELECT 1 FROM activity_sources s WHERE s.activity_id = activities.id
                    AND s.format NOT IN ('garmin_csv', 'runload_csv'));

-- Activities the runner deleted (`runload runs delete`): importing the same
-- run again does not bring them back (`import --undelete` does). A run is
-- the same by the same-run rule (start within 120 s, distance or duration
-- within 10%); the files it came from are kept to say so when a file is
-- skipped by its hash.
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
  file_sha256 TEXT NOT NULL,
  PRIMARY KEY (deleted_id, file_sha256)
);
CREATE INDEX deleted_activity_files_by_sha256 ON deleted_activity_files(file_sha256);

-- Files whose import failed, by content: importing the same content again
-- counts it as failed before instead of reporting it in full
-- (`import --retry-failed` reads it again).
CREATE TABLE failed_files (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  sha256     TEXT NOT NULL,
  path       TEXT NOT NULL,
  message    TEXT NOT NULL,
  failed_at  TEXT NOT NULL,
  UNIQUE (athlete_id, sha256)
);
