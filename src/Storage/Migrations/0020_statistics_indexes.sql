-- Indexes for the statistics queries (StatisticsQueries). Expressions and predicates match the queries exactly,
-- otherwise PostgreSQL will not use them.

-- Daily outcomes: when a finished job finished (completed_at, or updated_at for a cancel, which sets no completion time).
CREATE INDEX idx_jobs_finished_at ON jobs ((COALESCE(completed_at, updated_at)))
    WHERE status IN ('completed', 'failed', 'cancelled');

-- Stuck jobs: processing jobs by their last sign of progress.
CREATE INDEX idx_jobs_processing_since ON jobs ((COALESCE(last_progress_at, updated_at)))
    WHERE status = 'processing';
