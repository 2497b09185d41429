-- Orleans membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2).
--
-- The provider keeps one version row per cluster (DeploymentId = ClusterId) and one row per silo incarnation.
-- Every membership change must bump the cluster's version in the same statement as the row change and only
-- when the caller's expected version (@Version, the table ETag) still matches: that compare-and-swap is what
-- makes concurrent joins and death votes safe. Writes return one integer column, read as a boolean (> 0 = done).
--
-- Silo status numbers are Orleans' SiloStatus: 3 = Active, 6 = Dead.
-- Times are timestamptz; the provider passes UTC DateTime values.

CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NOT NULL DEFAULT 0,
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Creates the cluster's version row once; 1 when this call created it, 0 when it already existed.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created
$q$);

-- A silo announces itself. The version bump and the insert succeed together or not at all: the bump is
-- conditional on the row not existing yet, and a competing writer that bumped first makes our
-- "version = @Version" fail once its transaction commits.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleansmembershipversiontable AS v
    SET version = v.version + 1, timestamp = now()
    WHERE v.deploymentid = @DeploymentId
      AND v.version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleansmembershiptable AS m
          WHERE m.deploymentid = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deploymentid
), inserted AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    SELECT b.deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped AS b
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM inserted
$q$);

-- Status changes and suspicion votes, under the same compare-and-swap on the cluster version.
-- IAmAliveTime never moves backwards: a heartbeat written in between must not be undone by an older value.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleansmembershipversiontable AS v
    SET version = v.version + 1, timestamp = now()
    WHERE v.deploymentid = @DeploymentId
      AND v.version = @Version
      AND EXISTS (
          SELECT 1 FROM orleansmembershiptable AS m
          WHERE m.deploymentid = @DeploymentId AND m.address = @Address
            AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deploymentid
), updated AS (
    UPDATE orleansmembershiptable AS m
    SET status = @Status,
        suspecttimes = @SuspectTimes,
        iamalivetime = GREATEST(m.iamalivetime, @IAmAliveTime)
    FROM bumped AS b
    WHERE m.deploymentid = b.deploymentid AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM updated
$q$);

-- The silo's own liveness heartbeat. It does not touch the cluster version (heartbeats are not membership
-- changes) and its result is not read.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
WHERE deploymentid = @DeploymentId AND address = @Address
  AND port = @Port AND generation = @Generation
$q$);

-- Both reads start from the version row so that the table version comes back even when no silo row matches
-- (the provider treats a NULL StartTime as "no entry").
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', $q$
SELECT v.deploymentid AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.siloname AS SiloName, m.hostname AS HostName, m.status AS Status, m.proxyport AS ProxyPort,
       m.suspecttimes AS SuspectTimes, m.starttime AS StartTime, m.iamalivetime AS IAmAliveTime,
       v.version AS Version
FROM orleansmembershipversiontable AS v
LEFT JOIN orleansmembershiptable AS m
       ON m.deploymentid = v.deploymentid AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId
$q$);

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', $q$
SELECT v.deploymentid AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.siloname AS SiloName, m.hostname AS HostName, m.status AS Status, m.proxyport AS ProxyPort,
       m.suspecttimes AS SuspectTimes, m.starttime AS StartTime, m.iamalivetime AS IAmAliveTime,
       v.version AS Version
FROM orleansmembershipversiontable AS v
LEFT JOIN orleansmembershiptable AS m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId
$q$);

-- Used by tooling and tests to forget a whole cluster.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', $q$
WITH members AS (
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId
)
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId
$q$);

-- Gateways a client may connect to: silos in the requested status (Active) that expose a gateway port.
INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', $q$
SELECT address AS Address, proxyport AS ProxyPort, generation AS Generation
FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0
$q$);

-- Defunct-row cleanup, bulk form (kept because the provider requires the key): only Dead rows whose start and
-- last heartbeat are both older than the cutoff and which carry no suspicion votes.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId
  AND status = 6
  AND iamalivetime < @IAmAliveTime
  AND starttime < @IAmAliveTime
  AND COALESCE(suspecttimes, '') = ''
$q$);

-- Defunct-row cleanup, per row: the provider decides in .NET which Dead rows are old enough and deletes each
-- one only if it still holds exactly the values it read, so a row changed in between survives. An empty and a
-- missing suspicion list are the same thing to the provider, hence the COALESCE on both sides.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND starttime = @StartTime
  AND iamalivetime = @IAmAliveTime
  AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '')
$q$);
