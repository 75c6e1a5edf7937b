-- The tendon's own records (docs/TENDON.md): the VISA-A questionnaire, the
-- heel-rise test, the rehab log, medication courses and Achilles episodes;
-- the athlete's year of birth and sex (optional, for the heel-rise norms and
-- a line of context); and an activity's temperature, for cold_run. Dates are
-- local calendar days, YYYY-MM-DD, like the journal's. Unknown values are
-- NULL, never 0.
ALTER TABLE athletes ADD COLUMN born_year INTEGER CHECK (born_year BETWEEN 1900 AND 9999);
ALTER TABLE athletes ADD COLUMN sex TEXT CHECK (sex IN ('female', 'male'));
-- temperature_source: 'weather' (the weather at the start, from Strava) or
-- 'device' (the watch's sensor, which reads high from body heat).
ALTER TABLE activities ADD COLUMN temperature_c REAL;
ALTER TABLE activities ADD COLUMN temperature_source TEXT
  CHECK (temperature_source IN ('weather', 'device'));

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
