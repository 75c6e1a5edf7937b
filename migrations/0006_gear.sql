-- The runner's shoes (DESIGN.md section 2: footwear_transition,
-- minimalist_volume, shoe_worn). Activities name their shoe in
-- activities.gear; a shoe is one row per athlete and name. The shoes already
-- named by running activities become rows whose drop is unknown.
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
INSERT INTO gear (athlete_id, name, created_at)
  SELECT DISTINCT athlete_id, gear, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM activities
  WHERE gear IS NOT NULL AND gear <> ''
    AND sport IN ('run', 'trail_run', 'treadmill_run', 'virtual_run');
-- Which runs wore a shoe: the per-shoe distances of gear list and the rules.
CREATE INDEX activities_by_gear ON activities(athlete_id, gear);
