using Npgsql;

namespace Cockpit.Silo.Configuration;

/// <summary>
/// The PostgreSQL connection, from the seed's .env names. POSTGRES_CONNECTION_STRING, when set, wins over the parts.
/// </summary>
public static class PostgresSettings
{
    /// <summary>Defaults are the seed's .env example: localhost:5432, database and user "graphrag", password "changeme".</summary>
    public static string ConnectionString(IConfiguration config)
    {
        var explicitString = config["POSTGRES_CONNECTION_STRING"];
        if (!string.IsNullOrWhiteSpace(explicitString)) return explicitString;
        return new NpgsqlConnectionStringBuilder
        {
            Host = Settings.Text(config, "POSTGRES_HOST", "localhost"),
            Port = Settings.Number(config, "POSTGRES_PORT", 5432, 1, 65535),
            Database = Settings.Text(config, "POSTGRES_DB", "graphrag"),
            Username = Settings.Text(config, "POSTGRES_USER", "graphrag"),
            Password = Settings.Text(config, "POSTGRES_PASSWORD", "changeme"),
            // Headroom for Orleans' providers, the read-model projector and request handlers together.
            MaxPoolSize = Settings.Number(config, "POSTGRES_MAX_POOL_SIZE", 50, 5, 1000),
        }.ConnectionString;
    }
}
