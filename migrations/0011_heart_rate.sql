-- Heart-rate load (docs/REPORT.md, "Fitness, fatigue and form"): each
-- activity's time by heart rate, so that Banister's TRIMP can be computed at
-- report time with whatever resting and maximum heart rate the athlete sets
-- later; and those two rates. hr_hist: float32 little-endian seconds per
-- 1 bpm bin from 30 bpm (runload/model/histogram.hpp); NULL when the track
-- had no heart rate, or there was no track. Unknown values are NULL, never 0.
ALTER TABLE activities ADD COLUMN hr_hist BLOB;
ALTER TABLE athletes ADD COLUMN hr_rest INTEGER CHECK (hr_rest BETWEEN 25 AND 120);
ALTER TABLE athletes ADD COLUMN hr_max INTEGER CHECK (hr_max BETWEEN 100 AND 230);
