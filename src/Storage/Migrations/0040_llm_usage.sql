-- LLM usage and cost (issue 14). Each LLM call's cost is fixed at ingestion from the price in force then and kept
-- with its audit entry; the roll-ups below are updated in the same transaction as the ledger, so that reading usage
-- never scans the audit trail (which may live in MongoDB, and holds millions of rows).

ALTER TABLE audit_entries ADD COLUMN cost_usd numeric(20, 9) NULL;

-- One row per LLM call counted: what makes the roll-ups idempotent whatever store holds the audit trail (a resent
-- batch finds its calls here and counts nothing twice).
CREATE TABLE llm_calls
(
    audit_id uuid        NOT NULL,
    job_id   uuid        NOT NULL,
    at       timestamptz NOT NULL,
    CONSTRAINT pk_llm_calls PRIMARY KEY (audit_id)
);

-- Per UTC day, config, model and agent: stats.usage sums at most days × configs × models × agents rows.
CREATE TABLE llm_usage_daily
(
    day            date           NOT NULL,
    config_name    varchar(100)   NOT NULL,
    model          varchar(200)   NOT NULL,
    agent_id       uuid           NOT NULL,
    calls          bigint         NOT NULL,
    unpriced_calls bigint         NOT NULL,
    tokens_in      bigint         NOT NULL,
    tokens_out     bigint         NOT NULL,
    cost_usd       numeric(24, 9) NOT NULL,
    CONSTRAINT pk_llm_usage_daily PRIMARY KEY (day, config_name, model, agent_id)
);

-- Per job and model: a job's usage, and the top jobs by cost.
CREATE TABLE llm_usage_jobs
(
    job_id         uuid           NOT NULL,
    model          varchar(200)   NOT NULL,
    config_name    varchar(100)   NOT NULL,
    calls          bigint         NOT NULL,
    unpriced_calls bigint         NOT NULL,
    tokens_in      bigint         NOT NULL,
    tokens_out     bigint         NOT NULL,
    cost_usd       numeric(24, 9) NOT NULL,
    first_at       timestamptz    NOT NULL,
    last_at        timestamptz    NOT NULL,
    CONSTRAINT pk_llm_usage_jobs PRIMARY KEY (job_id, model)
);

CREATE INDEX idx_llm_usage_jobs_last_at ON llm_usage_jobs (last_at);
