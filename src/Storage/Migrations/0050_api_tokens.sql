-- API tokens for scripts and pipelines (POST /api/tokens): the secret is never stored, only its SHA-256, so a reader
-- of this table cannot act with a token. Revoking deletes the row; every silo looks the row up on every request, so
-- a deleted row stops the token on all of them at once (docs/adr/0011-api-tokens.md).
CREATE TABLE api_tokens (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    secret_sha256 bytea       NOT NULL CHECK (octet_length(secret_sha256) = 32),
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz
);
