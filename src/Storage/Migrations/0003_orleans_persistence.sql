-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2).
--
-- The provider identifies a state by hashes and parts of the grain id (@GrainIdHash, @GrainIdN0, @GrainIdN1,
-- @GrainIdExtensionString), the state's type/name (@GrainTypeHash, @GrainTypeString) and @ServiceId. It sends
-- the serialized state as @PayloadBinary only (the serializer is chosen in .NET; see OrleansPostgres), and an
-- optimistic version as @GrainStateVersion (NULL when the grain never saw a stored row).
--
-- Version contract, as the provider checks it: a write or clear returns the new version; returning the
-- caller's own version (or NULL/empty when the caller had none) means "someone else changed it" and the
-- provider raises InconsistentStateException. The upstream scripts return no row when an update misses, which
-- the provider cannot tell from success; ours return the caller's version so the conflict surfaces.

CREATE TABLE orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL
);

-- Unique, unlike the upstream index: two activations of one grain during a split brain both try to INSERT the
-- first version, and only a unique index makes exactly one of them win. NULLS NOT DISTINCT (PostgreSQL 15+)
-- because a GUID-keyed grain has no extension string and must still get one row only.
CREATE UNIQUE INDEX ux_orleansstorage_grain
    ON orleansstorage (grainidhash, graintypehash, grainidn0, grainidn1, serviceid, graintypestring,
                       grainidextensionstring)
    NULLS NOT DISTINCT;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $q$
SELECT payloadbinary AS PayloadBinary, version AS Version
FROM orleansstorage
WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
$q$);

-- First write (no version known) inserts version 1; later writes update only the version the grain read.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid,
         payloadbinary, modifiedon, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleansstorage
    SET payloadbinary = @PayloadBinary, modifiedon = now(), version = version + 1
    WHERE @GrainStateVersion IS NOT NULL
      AND grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT COALESCE((SELECT version FROM inserted), (SELECT version FROM updated), @GrainStateVersion)
       AS NewGrainStateVersion
$q$);

-- ClearStateAsync with the default DeleteStateOnClear = false: the row stays (so its version keeps guarding
-- against stale writers) and only the payload goes.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleansstorage
    SET payloadbinary = NULL, modifiedon = now(), version = version + 1
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT COALESCE((SELECT version FROM cleared), @GrainStateVersion) AS NewGrainStateVersion
$q$);

-- ClearStateAsync with DeleteStateOnClear = true: the row goes; the result follows the same convention.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS version
)
SELECT COALESCE((SELECT version FROM deleted), @GrainStateVersion) AS NewGrainStateVersion
$q$);
