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
  changed_at        TEXT NOT NULL
);
CREATE INDEX journal_history_by_day ON journal_history(athlete_id, date);
