-- The (athlete_id, local_date) index gains the UTC offset, so that the
-- report's check of the whole history for dates and offsets it cannot use
-- (ActivityRepository::unusable) reads the index alone, not every row with
-- its histograms: 2.9 ms on ten years of daily runs before, which made the
-- report slower as the history grew (docs/PERFORMANCE.md).
DROP INDEX activities_by_local_date;
CREATE INDEX activities_by_day_offset ON activities(athlete_id, local_date, utc_offset_s);
