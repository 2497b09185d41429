-- Shared part of the Orleans ADO.NET provider schema (clustering, persistence, reminders).
--
-- The Orleans 10.4.2 packages do not ship SQL. Each provider reads its statements from this table at start-up
-- ("SELECT QueryKey, QueryText FROM OrleansQuery") and executes them with named parameters (@DeploymentId, ...),
-- reading result columns by name. Those key names, parameter names and result column names are the contract;
-- the statements themselves, the tables and their indexes are ours and may change in later migrations.
--
-- Identifiers are unquoted, so PostgreSQL folds them to lower case; the providers look columns up by name and
-- Npgsql falls back to a case-insensitive match, so "QueryKey" finds querykey.
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
