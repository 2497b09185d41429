using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Storage.Telemetry;

/// <summary>
/// Settings of telemetry ingestion and of the optional audit and graph back ends, bound from the flat
/// <c>.env</c>-style keys named on each property and checked at start.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// TELEMETRY_MAX_ITEMS: most items (audit + requirements + graph) one <c>POST /api/agents/{id}/telemetry</c>
    /// may carry; more is refused with 400. Default: 500, a second of a busy agent's steps in one request.
    /// </summary>
    [ConfigurationKeyName("TELEMETRY_MAX_ITEMS"), Range(1, int.MaxValue)]
    public int MaxItems { get; set; } = 500;

    /// <summary>
    /// TELEMETRY_MAX_BODY_BYTES: largest telemetry request body; larger is refused with 413. Default: 8 MiB, room
    /// for LLM calls with long prompts (the silo's general MAX_REQUEST_BODY_BYTES does not apply to this endpoint).
    /// </summary>
    [ConfigurationKeyName("TELEMETRY_MAX_BODY_BYTES"), Range(1024, int.MaxValue)]
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// MONGODB_URL (seed name): when set, the audit trail lives in MongoDB instead of PostgreSQL, in the database
    /// named in the URL's path (<c>cockpit</c> when it names none), collection <c>audit_entries</c>. Default: unset.
    /// </summary>
    [ConfigurationKeyName("MONGODB_URL")]
    public string? MongoDbUrl { get; set; }

    /// <summary>
    /// NEO4J_URI (seed name), e.g. <c>bolt://localhost:7687</c>: when set, graph mutations are mirrored into Neo4j and
    /// current snapshots are read from it. Only Neo4j's HTTP API is used: bolt/neo4j URIs map to http on port 7474
    /// (bolt+s/neo4j+s to https on 7473) unless NEO4J_HTTP_URL says otherwise. Default: unset.
    /// </summary>
    [ConfigurationKeyName("NEO4J_URI")]
    public string? Neo4jUri { get; set; }

    /// <summary>NEO4J_HTTP_URL: the HTTP endpoint to use instead of the one derived from NEO4J_URI. Default: unset.</summary>
    [ConfigurationKeyName("NEO4J_HTTP_URL")]
    public string? Neo4jHttpUrl { get; set; }

    /// <summary>NEO4J_USER (seed name). Default: <c>neo4j</c>.</summary>
    [ConfigurationKeyName("NEO4J_USER")]
    public string Neo4jUser { get; set; } = "neo4j";

    /// <summary>NEO4J_PASSWORD (seed name). Default: unset (no Authorization header is sent).</summary>
    [ConfigurationKeyName("NEO4J_PASSWORD")]
    public string? Neo4jPassword { get; set; }

    /// <summary>NEO4J_DATABASE: the database of Neo4j 4+ (<c>/db/{database}/tx/commit</c>). Default: <c>neo4j</c>.</summary>
    [ConfigurationKeyName("NEO4J_DATABASE")]
    public string Neo4jDatabase { get; set; } = "neo4j";

    /// <summary>NEO4J_TIMEOUT_SECONDS: timeout of each request to Neo4j. Default: 10 s.</summary>
    [ConfigurationKeyName("NEO4J_TIMEOUT_SECONDS"), Range(1, int.MaxValue)]
    public int Neo4jTimeoutSeconds { get; set; } = 10;
}
