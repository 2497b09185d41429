-- Read model: tables shaped like the seed's schema, kept up to date from grain events by ReadModelProjector.
--
-- Grains are the source of truth; these rows are a projection. Every row carries the grain's version and a
-- write only lands when it is newer than what is stored, so events may be applied twice or out of order.

CREATE TABLE agents
(
    id             uuid         NOT NULL,
    config_name    varchar(100) NOT NULL,
    hostname       varchar(255) NULL,
    pod_ip         varchar(45)  NULL,
    pod_port       integer      NULL DEFAULT 8001,
    pid            integer      NULL,
    status         varchar(20)  NOT NULL DEFAULT 'booting',
    -- No foreign key to jobs (the seed has one): batches arrive in any order, so an agent may name a job whose
    -- row is not written yet, or one already deleted. The grains keep the reference consistent, not the table.
    current_job_id uuid         NULL,
    registered_at  timestamptz  NULL,
    last_heartbeat timestamptz  NULL,
    metadata       jsonb        NULL DEFAULT '{}',
    last_metrics   jsonb        NULL,
    version        bigint       NOT NULL,
    CONSTRAINT pk_agents PRIMARY KEY (id)
);

CREATE INDEX idx_agents_status ON agents (status);
CREATE INDEX idx_agents_last_heartbeat ON agents (last_heartbeat);

CREATE TABLE jobs
(
    id                     uuid         NOT NULL,
    prompt                 text         NOT NULL,
    document_path          text         NULL,
    document_dir           text         NULL,
    config_name            varchar(100) NULL,
    context                jsonb        NULL,
    instructions           text         NULL,
    status                 varchar(20)  NOT NULL,
    -- No foreign key to agents, for the same reason as agents.current_job_id.
    assigned_agent_id      uuid         NULL,
    created_at             timestamptz  NULL,
    updated_at             timestamptz  NULL,
    completed_at           timestamptz  NULL,
    error_message          text         NULL,
    error_details          jsonb        NULL,
    total_requirements     integer      NULL,
    processed_requirements integer      NULL,
    progress_message       text         NULL,
    last_progress_at       timestamptz  NULL,
    version                bigint       NOT NULL,
    CONSTRAINT pk_jobs PRIMARY KEY (id)
);

CREATE INDEX idx_jobs_status ON jobs (status);
-- Listing is newest first; id breaks ties so that paging is stable.
CREATE INDEX idx_jobs_created_at ON jobs (created_at DESC, id DESC);

-- One row per JobChanged event; (job_id, version) makes a replayed event a no-op.
CREATE TABLE job_timeline
(
    job_id      uuid        NOT NULL,
    version     bigint      NOT NULL,
    at          timestamptz NOT NULL,
    from_status varchar(20) NULL,
    to_status   varchar(20) NOT NULL,
    cause       text        NOT NULL,
    CONSTRAINT pk_job_timeline PRIMARY KEY (job_id, version)
);

-- A deleted entity leaves its deleting version here, so that a late event with an older (or equal) version
-- cannot bring the row back. Versions must keep growing if the same id is ever used again (a re-registered
-- agent), otherwise its new rows would be refused.
CREATE TABLE read_model_tombstones
(
    entity_type varchar(20) NOT NULL,
    entity_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    deleted_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_read_model_tombstones PRIMARY KEY (entity_type, entity_id)
);
