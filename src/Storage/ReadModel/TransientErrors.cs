using System.Net.Sockets;
using Npgsql;

namespace Cockpit.Storage.ReadModel;

/// <summary>Which database failures are worth retrying as they are, as opposed to a write that can never succeed.</summary>
internal static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
            || pg.SqlState is PostgresErrorCodes.SerializationFailure
                or PostgresErrorCodes.DeadlockDetected
                or PostgresErrorCodes.LockNotAvailable
                or PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.QueryCanceled
                // The schema is not there yet (the migrator has not run): waiting loses nothing, skipping would.
                or PostgresErrorCodes.UndefinedTable,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        TimeoutException or IOException or SocketException => true,
        _ => false,
    };
}
