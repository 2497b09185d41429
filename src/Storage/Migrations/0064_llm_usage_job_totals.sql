-- Issue 14, ADR 19: one row per job with its LLM usage over all models, kept beside llm_usage_jobs by the same ledger
-- transaction. "Top jobs by cost" walks the cost index of this table and stops at the tenth job in the window, instead
-- of summing every job × model row of the window per request (about 200 ms with 100,000 jobs in a week).
CREATE TABLE llm_usage_job_totals
(
    job_id         uuid           NOT NULL,
    config_name    varchar(100)   NOT NULL,
    calls          bigint         NOT NULL,
    unpriced_calls bigint         NOT NULL,
    tokens_in      bigint         NOT NULL,
    tokens_out     bigint         NOT NULL,
    cost_usd       numeric(24, 9) NOT NULL,
    last_at        timestamptz    NOT NULL,
    CONSTRAINT pk_llm_usage_job_totals PRIMARY KEY (job_id)
);

CREATE INDEX idx_llm_usage_job_totals_cost ON llm_usage_job_totals (cost_usd DESC, (tokens_in + tokens_out) DESC, job_id);

INSERT INTO llm_usage_job_totals (job_id, config_name, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, last_at)
SELECT job_id, min(config_name), sum(calls), sum(unpriced_calls), sum(tokens_in), sum(tokens_out), sum(cost_usd), max(last_at)
FROM llm_usage_jobs
GROUP BY job_id;
