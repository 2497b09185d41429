-- Automatic dispatch (issue 13, ADR 0014): how each job is dispatched, its place in the queue and its attempts, as
-- the job grain holds them. The dispatcher grain is rebuilt from these rows; GET /api/queues reads them.
ALTER TABLE jobs
    ADD COLUMN dispatch              varchar(10)  NOT NULL DEFAULT 'manual',
    ADD COLUMN priority              integer      NOT NULL DEFAULT 0,
    ADD COLUMN selector              jsonb        NOT NULL DEFAULT '{}',
    ADD COLUMN concurrency_key       varchar(100) NULL,
    ADD COLUMN max_attempts          integer      NULL,
    ADD COLUMN retry_backoff_seconds integer      NULL,
    ADD COLUMN timeout_seconds       integer      NULL,
    -- When the job last entered the queue, and the end of a retry's backoff.
    ADD COLUMN queued_at             timestamptz  NULL,
    ADD COLUMN not_before            timestamptz  NULL,
    -- When its latest attempt started: with queued_at, the wait of that attempt.
    ADD COLUMN started_at            timestamptz  NULL,
    ADD COLUMN attempts              jsonb        NOT NULL DEFAULT '[]';

-- The queue in dispatch order, without the rest of the jobs.
CREATE INDEX idx_jobs_pending ON jobs (priority DESC, queued_at, id) WHERE status = 'pending';
-- Wait times of the last minutes (GET /api/queues).
CREATE INDEX idx_jobs_started_at ON jobs (started_at) WHERE started_at IS NOT NULL AND queued_at IS NOT NULL;
