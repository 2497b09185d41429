using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Cockpit.Silo.Configuration;

/// <summary>
/// The PostgreSQL connection, under the seed's .env names; the defaults are the seed's .env example. Read before the
/// host is built (the schema is migrated first). POSTGRES_CONNECTION_STRING, when set, wins over the parts.
/// </summary>
public sealed class PostgresOptions
{
    /// <summary>POSTGRES_CONNECTION_STRING: a full Npgsql connection string. Default: unset, built from the parts below.</summary>
    [ConfigurationKeyName("POSTGRES_CONNECTION_STRING")]
    public string? ConnectionStringOverride { get; set; }

    /// <summary>POSTGRES_HOST (seed name). Default: localhost. Unset also makes <c>make up</c> run a private server.</summary>
    [ConfigurationKeyName("POSTGRES_HOST")]
    public string Host { get; set; } = "localhost";

    /// <summary>POSTGRES_PORT (seed name). Default: 5432, PostgreSQL's own.</summary>
    [ConfigurationKeyName("POSTGRES_PORT"), Range(1, 65535)]
    public int Port { get; set; } = 5432;

    /// <summary>POSTGRES_DB (seed name). Default: graphrag, the seed's.</summary>
    [ConfigurationKeyName("POSTGRES_DB")]
    public string Database { get; set; } = "graphrag";

    /// <summary>POSTGRES_USER (seed name). Default: graphrag, the seed's.</summary>
    [ConfigurationKeyName("POSTGRES_USER")]
    public string User { get; set; } = "graphrag";

    /// <summary>POSTGRES_PASSWORD (seed name). Default: changeme, the seed's example; set a real one anywhere but here.</summary>
    [ConfigurationKeyName("POSTGRES_PASSWORD")]
    public string Password { get; set; } = "changeme";

    /// <summary>
    /// POSTGRES_MAX_POOL_SIZE: connections per silo. Default: 50, headroom for Orleans' providers, the read-model
    /// projector and request handlers together.
    /// </summary>
    [ConfigurationKeyName("POSTGRES_MAX_POOL_SIZE"), Range(5, 1000)]
    public int MaxPoolSize { get; set; } = 50;

    public string ConnectionString() => ConnectionStringOverride ?? new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Database = Database,
        Username = User,
        Password = Password,
        MaxPoolSize = MaxPoolSize,
    }.ConnectionString;
}
