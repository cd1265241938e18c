-- Version 2: runs keep the order they were created in. Their times cannot order them: a local
-- upload runs its reruns on a virtual clock, up to 75 minutes ahead of the runs made after it.
ALTER TABLE intake_runs ADD COLUMN created_seq INTEGER;

UPDATE intake_runs SET created_seq = rowid;

CREATE INDEX intake_runs_by_job_creation ON intake_runs (job_id, created_seq);
