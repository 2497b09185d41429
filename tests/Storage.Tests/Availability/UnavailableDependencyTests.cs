using System.Net.Sockets;
using Cockpit.Storage.Availability;
using Cockpit.Storage.OrleansProviders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Cockpit.Storage.Tests.Availability;

public sealed class UnavailableDependencyTests
{
    [Fact]
    public void Database_and_cluster_failures_are_unavailability_even_when_wrapped()
    {
        var database = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        UnavailableDependency.IsCauseOf(database).ShouldBeTrue();
        UnavailableDependency.IsCauseOf(new OrleansException("activation failed", database)).ShouldBeTrue();
        UnavailableDependency.IsCauseOf(new AggregateException(new InvalidOperationException("x"), database)).ShouldBeTrue();
        UnavailableDependency.IsCauseOf(new SiloUnavailableException("gone")).ShouldBeTrue();
        UnavailableDependency.IsCauseOf(new TimeoutException()).ShouldBeTrue();
    }

    [Fact]
    public void Other_failures_are_not()
    {
        UnavailableDependency.IsCauseOf(new InvalidOperationException("a bug")).ShouldBeFalse();
        UnavailableDependency.IsCauseOf(new OrleansException("a bug", new ArgumentException("x"))).ShouldBeFalse();
    }

    [Fact]
    public void A_database_failure_that_crossed_silos_is_still_recognised()
    {
        // What a request handler on one silo gets when the grain on another could not write its state. Without the
        // silos' exception settings Orleans cannot send an NpgsqlException at all.
        var services = new ServiceCollection().AddSerializer();
        OrleansPostgres.KeepDatabaseExceptionsAcrossSilos(services);
        var serializer = services.BuildServiceProvider().GetRequiredService<Serializer>();
        var original = new OrleansException("write failed", new NpgsqlException("Exception while reading from stream", new IOException("reset")));

        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(original)).ShouldNotBeNull();

        received.InnerException.ShouldBeOfType<NpgsqlException>();
        UnavailableDependency.IsCauseOf(received).ShouldBeTrue();

        var bug = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new OrleansException("x", new FormatException("bad")))).ShouldNotBeNull();
        UnavailableDependency.IsCauseOf(bug).ShouldBeFalse();
    }
}
