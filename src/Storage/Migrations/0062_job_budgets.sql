-- Job budgets and runaway loops (issue 14, ADR 0015): the job's LLM budget and the two flags the cockpit badges.
-- Written by the read-model projector from the job grain's snapshot, like every other jobs column.
ALTER TABLE jobs
    ADD COLUMN budget_max_cost_usd numeric,
    ADD COLUMN budget_max_tokens bigint,
    ADD COLUMN budget_warning boolean NOT NULL DEFAULT false,
    ADD COLUMN looping boolean NOT NULL DEFAULT false;
