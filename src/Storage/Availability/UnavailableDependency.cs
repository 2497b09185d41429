using System.Data.Common;
using Orleans.Runtime;

namespace Cockpit.Storage.Availability;

/// <summary>
/// Tells a failure caused by the database or the cluster being unavailable for a moment (worth a retry, and nothing
/// was acknowledged) from any other failure. The REST API answers such a failure with 503, GraphQL with the code
/// UNAVAILABLE.
/// </summary>
public static class UnavailableDependency
{
    /// <summary>True when <paramref name="exception"/>, or an exception inside it, says the database or the cluster is unavailable.</summary>
    public static bool IsCauseOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // Npgsql's exceptions are DbExceptions; they cross silos as themselves (OrleansPostgres.KeepDatabaseExceptionsAcrossSilos).
            if (e is DbException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCauseOf)) return true;
        }
        return false;
    }
}
