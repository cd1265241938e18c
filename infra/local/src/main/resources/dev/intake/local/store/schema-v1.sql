-- Internal tables of the local runtime (schema version 1). Destination tables live in the same
-- file under the job's table name; names starting with intake_ are reserved for these.
-- Times are UTC ISO-8601 text with nine fraction digits, so text order is time order.

CREATE TABLE intake_jobs (
    id            TEXT PRIMARY KEY,
    status        TEXT NOT NULL,      -- draft, sampling, active, ... (JobStatus.label)
    status_since  TEXT NOT NULL,
    version       INTEGER NOT NULL,   -- +1 on every change
    definition    TEXT NOT NULL,      -- the job definition as JSON
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE intake_job_status_history (
    job_id  TEXT NOT NULL,
    seq     INTEGER NOT NULL,         -- 0 for the first status
    status  TEXT NOT NULL,
    at      TEXT NOT NULL,
    cause   TEXT,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE intake_runs (
    id                  TEXT PRIMARY KEY,
    job_id              TEXT NOT NULL,
    attempt             INTEGER NOT NULL,
    rerun_of            TEXT,
    trigger             TEXT NOT NULL,  -- upload, schedule, rerun, manual_retry, reactivation
    source_bucket       TEXT,
    source_key          TEXT,
    source_version      TEXT,
    source_etag         TEXT,
    source_size         INTEGER,
    status              TEXT NOT NULL,  -- validating, ..., partially_completed (RunStatus.label)
    rows_read           INTEGER NOT NULL DEFAULT 0,
    rows_valid          INTEGER NOT NULL DEFAULT 0,
    rows_imported       INTEGER NOT NULL DEFAULT 0,
    rows_failed         INTEGER NOT NULL DEFAULT 0,
    rows_duplicates     INTEGER NOT NULL DEFAULT 0,
    reason_code         TEXT,
    reason_message      TEXT,
    failed_records_key  TEXT,
    execution_id        TEXT,
    next_rerun_at       TEXT,
    started_at          TEXT            -- time of the first status; orders the run history
);

CREATE INDEX intake_runs_by_job ON intake_runs (job_id, started_at);

CREATE TABLE intake_run_status_history (
    run_id  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    status  TEXT NOT NULL,
    at      TEXT NOT NULL,
    cause   TEXT,                     -- the failure reason code, when there is one
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE intake_run_notes (
    run_id   TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE intake_schedules (
    job_id      TEXT PRIMARY KEY,
    type        TEXT,
    expression  TEXT,
    at          TEXT,
    timezone    TEXT,
    enabled     INTEGER NOT NULL      -- 1 enabled, 0 disabled
);

CREATE TABLE intake_processed_events (
    event_key     TEXT PRIMARY KEY,   -- identifies one delivery: bucket, key and version
    run_id        TEXT,
    processed_at  TEXT NOT NULL
);

CREATE TABLE intake_pending_files (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,  -- arrival order
    job_id          TEXT NOT NULL,
    source_bucket   TEXT NOT NULL,
    source_key      TEXT NOT NULL,
    source_version  TEXT NOT NULL,
    source_etag     TEXT,
    source_size     INTEGER NOT NULL,
    arrived_at      TEXT NOT NULL,
    UNIQUE (job_id, source_bucket, source_key, source_version)
);
