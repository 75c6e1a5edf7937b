-- The files `runload export` wrote (absolute paths), so that `delete-all
-- --yes` removes them with the database. Not itself exported: it describes
-- this database's files, not the runner's data (store/table_dump.cpp).
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
