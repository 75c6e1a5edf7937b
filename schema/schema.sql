-- The whole current schema of a runload database. A test migrates an empty
-- database and compares the result with this file; keep them in step.

-- Athletes: one database can hold several (a physio following patients).
-- The IANA zone is stored so that reports never change with the host's TZ.
CREATE TABLE athletes (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  timezone   TEXT NOT NULL,
  created_at TEXT NOT NULL
);
