using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cockpit.Storage.Migrations;

/// <summary>
/// Brings a PostgreSQL database to the current schema: the Orleans provider tables and queries, then the read
/// model. Creates the database when it does not exist. Safe to run from every silo at start-up: a session
/// advisory lock makes concurrent runs take turns, and DbUp's journal (<c>public.schemaversions</c>) makes a
/// second run a no-op. Run it before the Orleans silo starts: the providers read their queries at start-up.
/// </summary>
public sealed class DatabaseMigrator
{
    /// <summary>
    /// Advisory lock key held while migrating. Any constant works as long as nothing else on the same database
    /// uses it; this one spells "Cockpit" followed by 0x01 for "schema".
    /// </summary>
    public const long AdvisoryLockKey = 0x436F636B70697401;

    /// <summary>Journal table DbUp records applied scripts in.</summary>
    public const string JournalTable = "schemaversions";

    private const string ResourcePrefix = "Cockpit.Storage.Migrations.";

    private readonly NpgsqlConnectionStringBuilder _target;
    private readonly IReadOnlyList<SqlScript> _scripts;
    private readonly ILogger _logger;

    public DatabaseMigrator(string connectionString, ILogger<DatabaseMigrator>? logger = null)
        : this(connectionString, EmbeddedScripts(), logger)
    {
    }

    // Tests hand in their own scripts to exercise failures without touching the real ones.
    internal DatabaseMigrator(string connectionString, IReadOnlyList<SqlScript> scripts, ILogger? logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(_target.Database))
        {
            throw new ArgumentException("The connection string must name a database.", nameof(connectionString));
        }

        _scripts = scripts;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Names of the embedded migration scripts, in the order they run (e.g. <c>0001_orleans_shared.sql</c>).</summary>
    public static IReadOnlyList<string> ScriptNames => EmbeddedScripts().Select(s => s.Name).ToList();

    /// <summary>
    /// Creates the database if missing, waits for the migration lock, applies the scripts not yet journaled
    /// (each in its own transaction) and returns the names of those it applied.
    /// </summary>
    /// <exception cref="DatabaseMigrationException">A script failed (its transaction is rolled back) or the
    /// database could not be reached or created.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await EnsureDatabaseExistsAsync(cancellationToken);

        // A dedicated, unpooled connection: the lock lives exactly as long as this session, and a crash of this
        // process releases it with the connection instead of leaving it behind in a pool.
        var lockConnectionString = new NpgsqlConnectionStringBuilder(_target.ConnectionString) { Pooling = false };
        await using var lockConnection = new NpgsqlConnection(lockConnectionString.ConnectionString);
        try
        {
            await lockConnection.OpenAsync(cancellationToken);
            await using var acquire = new NpgsqlCommand("SELECT pg_advisory_lock($1)", lockConnection);
            acquire.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            acquire.CommandTimeout = 0; // another silo may hold it for as long as its migration takes
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new DatabaseMigrationException(
                $"Could not take the migration lock on database '{_target.Database}' at {_target.Host}:{_target.Port}: {ex.Message}",
                innerException: ex);
        }

        try
        {
            var engine = DeployChanges.To
                .PostgresqlDatabase(_target.ConnectionString)
                .WithScripts(_scripts)
                .WithTransactionPerScript()
                // DbUp would read $name$ as a variable; PostgreSQL uses $tag$ for dollar quoting.
                .WithVariablesDisabled()
                .JournalToPostgresqlTable("public", JournalTable)
                .LogTo(_logger)
                .Build();

            var result = await Task.Run(engine.PerformUpgrade, cancellationToken);
            if (!result.Successful)
            {
                var script = result.ErrorScript?.Name;
                throw new DatabaseMigrationException(
                    $"Migration of database '{_target.Database}' at {_target.Host}:{_target.Port} failed"
                    + (script is null ? "" : $" in script '{script}' (rolled back)")
                    + $": {result.Error?.Message}",
                    script,
                    result.Error);
            }

            var applied = result.Scripts.Select(s => s.Name).ToList();
            _logger.LogInformation(
                "Database {Database} is up to date; applied {Count} migration(s): {Scripts}",
                _target.Database, applied.Count, applied);
            return applied;
        }
        finally
        {
            await ReleaseLockAsync(lockConnection);
        }
    }

    private async Task ReleaseLockAsync(NpgsqlConnection lockConnection)
    {
        if (lockConnection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection);
            release.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            await release.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            // Closing the unpooled connection below ends the session, which releases the lock anyway.
            _logger.LogWarning(ex, "Could not release the migration lock explicitly; closing the session instead");
        }
    }

    private async Task EnsureDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlConnection(_target.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Missing: create it below. Any other error (auth, network) is not ours to fix.
        }
        catch (NpgsqlException ex)
        {
            throw new DatabaseMigrationException(
                $"Could not connect to database '{_target.Database}' at {_target.Host}:{_target.Port}: {ex.Message}",
                innerException: ex);
        }

        // CREATE DATABASE cannot run in the database it creates; the server's maintenance database can.
        var admin = new NpgsqlConnectionStringBuilder(_target.ConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            var quoted = "\"" + _target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            _logger.LogInformation("Created database {Database}", _target.Database);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another silo created it between our probe and our CREATE (the catalog's unique index reports the
            // same race as 23505 when both CREATEs run at once).
        }
        catch (NpgsqlException ex)
        {
            throw new DatabaseMigrationException(
                $"Database '{_target.Database}' does not exist and could not be created at {_target.Host}:{_target.Port}: {ex.Message}",
                innerException: ex);
        }
    }

    private static List<SqlScript> EmbeddedScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        // Journal names without the namespace prefix, so that renaming the assembly or folder does not make
        // every script look new.
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                        && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SqlScript(n[ResourcePrefix.Length..], ReadResource(assembly, n)))
            .ToList();
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException(
                $"No migration scripts are embedded in {assembly.GetName().Name}; check the EmbeddedResource item for Migrations/*.sql.");
        }

        return scripts;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
