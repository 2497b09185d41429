-- Agent telemetry: the audit trail (LLM and tool calls), the requirements agents extract, and the mutation log
-- of the knowledge graph behind the graph timeline. Written by POST /api/agents/{id}/telemetry; every write is
-- idempotent so that an agent may resend a batch it is unsure about.

-- One row per audit entry. The id comes from the agent (a retried batch inserts nothing new) or from the silo.
-- MongoDB may hold this trail instead (MONGODB_URL); the table then stays empty.
CREATE TABLE audit_entries
(
    id          uuid        NOT NULL,
    job_id      uuid        NOT NULL,
    agent_id    uuid        NOT NULL,
    step_type   varchar(10) NOT NULL,
    at          timestamptz NOT NULL,
    name        text        NULL,
    summary     text        NULL,
    request     jsonb       NULL,
    response    jsonb       NULL,
    duration_ms bigint      NULL,
    tokens_in   integer     NULL,
    tokens_out  integer     NULL,
    error       text        NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_audit_entries PRIMARY KEY (id)
);

-- Keyset paging in time order; id breaks ties so that pages never overlap.
CREATE INDEX idx_audit_entries_job_at ON audit_entries (job_id, at, id);
CREATE INDEX idx_audit_entries_job_step_at ON audit_entries (job_id, step_type, at, id);

-- The seed's requirements of a job, upserted by (job_id, requirement_id). updated_at is the agent's time of the
-- newest update applied, so an older update arriving late cannot undo a newer one. processed_at is set once, when
-- the status first leaves 'pending': progress and ETA are computed from it.
CREATE TABLE requirements
(
    job_id            uuid         NOT NULL,
    requirement_id    varchar(100) NOT NULL,
    text              text         NOT NULL,
    status            varchar(20)  NOT NULL,
    priority          varchar(10)  NULL,
    compliance_tags   text[]       NOT NULL DEFAULT '{}',
    source            text         NULL,
    agent_id          uuid         NULL,
    first_seen_at     timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    status_changed_at timestamptz  NOT NULL,
    processed_at      timestamptz  NULL,
    CONSTRAINT pk_requirements PRIMARY KEY (job_id, requirement_id)
);

CREATE INDEX idx_requirements_job_status ON requirements (job_id, status);
CREATE INDEX idx_requirements_compliance_tags ON requirements USING gin (compliance_tags);

-- The knowledge graph as a log of mutations: a snapshot at time T replays the rows with at <= T. The natural key
-- (job, element, op, at) makes a resent mutation a no-op. mirrored_at marks rows already applied to Neo4j when
-- NEO4J_URI is set; PostgreSQL stays the source of truth either way.
CREATE TABLE graph_mutations
(
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    job_id      uuid         NOT NULL,
    op          varchar(16)  NOT NULL,
    element_id  varchar(200) NOT NULL,
    labels      text[]       NULL,
    edge_type   varchar(64)  NULL,
    from_id     varchar(200) NULL,
    to_id       varchar(200) NULL,
    properties  jsonb        NULL,
    at          timestamptz  NOT NULL,
    agent_id    uuid         NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT now(),
    mirrored_at timestamptz  NULL,
    CONSTRAINT pk_graph_mutations PRIMARY KEY (seq),
    CONSTRAINT uq_graph_mutations_natural UNIQUE (job_id, element_id, op, at)
);

CREATE INDEX idx_graph_mutations_job_at ON graph_mutations (job_id, at, seq);
CREATE INDEX idx_graph_mutations_unmirrored ON graph_mutations (job_id, seq) WHERE mirrored_at IS NULL;
