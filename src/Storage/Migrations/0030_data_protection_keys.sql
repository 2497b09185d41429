-- ASP.NET Core Data Protection key ring, shared by every silo: a session cookie issued by one silo must be readable by
-- all of them (PostgresXmlRepository). One row per key, as the XML element Data Protection writes; rows are only added,
-- never changed (revocations are new elements too).
CREATE TABLE data_protection_keys (
    id            bigserial PRIMARY KEY,
    friendly_name text        NOT NULL UNIQUE,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
