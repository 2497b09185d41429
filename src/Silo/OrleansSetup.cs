using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Hosting;
using Cockpit.Silo.Configuration;
using Cockpit.Storage.OrleansProviders;
using Orleans.Configuration;

namespace Cockpit.Silo;

/// <summary>How this process joins the Orleans cluster: PostgreSQL for membership, state and reminders.</summary>
public static class OrleansSetup
{
    public static void Configure(ISiloBuilder orleans, Configuration.SiloOptions silo, AgentLivenessOptions liveness, string connectionString)
    {
        orleans.UseCockpitPostgres(connectionString);
        orleans.AddAgentLiveness();
        orleans.AddDispatch();
        orleans.AddCachedGrainInterfaceTypes();
        orleans.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = silo.ClusterId;
            o.ServiceId = silo.ServiceId;
        });
        orleans.ConfigureEndpoints(silo.AdvertisedIp, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
        // Orleans listens where HTTP does (ORCHESTRATOR_BIND): every interface in a pod, loopback under make up.
        orleans.Configure<EndpointOptions>(o =>
        {
            o.SiloListeningEndpoint = new System.Net.IPEndPoint(silo.BindIp, silo.SiloPort);
            o.GatewayListeningEndpoint = silo.GatewayPort == 0 ? null : new System.Net.IPEndPoint(silo.BindIp, silo.GatewayPort);
        });

        // Failure detection tuned for a LAN (SiloOptions.ProbeTimeoutSeconds says why).
        orleans.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(silo.ProbeTimeoutSeconds);
            o.NumMissedProbesLimit = silo.MissedProbesLimit;
            o.NumVotesForDeathDeclaration = silo.VotesForDeath;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        });

        // Orleans refuses reminder periods under a minute unless told otherwise; tests and demos run the roll call
        // (AgentRollCallGrain) more often.
        var reminderPeriod = liveness.ReminderPeriod;
        orleans.Configure<ReminderOptions>(o =>
        {
            if (reminderPeriod < o.MinimumReminderPeriod) o.MinimumReminderPeriod = reminderPeriod;
        });
    }
}
