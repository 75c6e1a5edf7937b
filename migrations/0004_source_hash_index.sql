-- A Strava export row whose track file was imported before joins the
-- activity holding that track, found by the file's SHA-256
-- (ActivityRepository::find_by_source_sha256): indexed, so that importing an
-- export of thousands of runs again does not scan every source per row.
CREATE INDEX activity_sources_by_file_sha256 ON activity_sources(file_sha256);
