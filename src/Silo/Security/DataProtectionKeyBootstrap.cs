using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Cockpit.Silo.Security;

/// <summary>
/// Makes sure the shared key ring (table <c>data_protection_keys</c>) has a usable key before this silo serves a
/// request, creating one if not, under a PostgreSQL advisory lock: silos starting together would otherwise each create
/// their own first key, and for up to a day (Data Protection's key-ring refresh) reject each other's cookies. Later keys
/// are created by Data Protection itself, days before they activate, so every silo knows them in time.
/// </summary>
public sealed class DataProtectionKeyBootstrap(NpgsqlDataSource dataSource, IKeyManager keys, TimeProvider clock, ILogger<DataProtectionKeyBootstrap> logger)
    : IHostedService
{
    /// <summary>"Cockpit" then 0x02 for "keys"; the migrator uses 0x01.</summary>
    public const long AdvisoryLockKey = 0x436F636B70697402;

    /// <summary>A new key's lifetime: Data Protection's default.</summary>
    public static TimeSpan KeyLifetime { get; } = TimeSpan.FromDays(90);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var now = clock.GetUtcNow();
            if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
            {
                var key = keys.CreateNewKey(now, now + KeyLifetime);
                logger.LogInformation("Created the shared data-protection key {KeyId}, valid until {Expiry}", key.KeyId, key.ExpirationDate);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            release.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
