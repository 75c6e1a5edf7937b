-- An athlete's settings (docs/SETTINGS.md): one row per key the runner set,
-- its value as text, checked against the key's safe range before it is
-- stored. A key without a row has its default; `config unset` deletes the
-- row. The keys and ranges live in the code (rules/settings.cpp), so a key
-- this version does not know is kept and ignored, never an error.
CREATE TABLE settings (
  athlete_id INTEGER NOT NULL REFERENCES athletes(id) ON DELETE CASCADE,
  key        TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  value      TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (athlete_id, key)
);
