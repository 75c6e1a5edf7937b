-- A journal day can record that a doctor or physiotherapist has assessed the
-- tendon (`journal --assessed`): the red flags that stand until then (a
-- possible rupture, persistent pain) are settled by it. NULL: not recorded.
ALTER TABLE journal_entries ADD COLUMN assessed INTEGER CHECK (assessed IN (0, 1));
ALTER TABLE journal_history ADD COLUMN assessed INTEGER;
