-- A file's identity becomes a content hash of any kind, not SHA-256 only:
-- new imports record XXH3-128 (32 hex digits), which hashes at memory speed
-- where SHA-256 cost as much as parsing the file (docs/PERFORMANCE.md).
-- Rows written before keep their SHA-256 (64 hex digits), so the files they
-- came from are still known: while a database holds such rows, an import
-- also hashes each file with SHA-256 and, on a match, rewrites that file's
-- rows to its XXH3-128 hash (docs/import.md, "Identity").
ALTER TABLE imported_files RENAME COLUMN sha256 TO content_hash;
ALTER TABLE failed_files RENAME COLUMN sha256 TO content_hash;
ALTER TABLE activity_sources RENAME COLUMN file_sha256 TO file_hash;
ALTER TABLE deleted_activity_files RENAME COLUMN file_sha256 TO file_hash;
DROP INDEX activity_sources_by_file_sha256;
CREATE INDEX activity_sources_by_file_hash ON activity_sources(file_hash);
DROP INDEX deleted_activity_files_by_sha256;
CREATE INDEX deleted_activity_files_by_hash ON deleted_activity_files(file_hash);
