using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Silo.Configuration;
using Cockpit.Storage.OrleansProviders;
using Orleans.Configuration;

namespace Cockpit.Silo;

/// <summary>How this process joins the Orleans cluster: PostgreSQL for membership, state and reminders.</summary>
public static class OrleansSetup
{
    public static void Configure(ISiloBuilder orleans, SiloSettings silo, string connectionString, IConfiguration config)
    {
        orleans.UseCockpitPostgres(connectionString);
        orleans.AddAgentLiveness();
        orleans.AddDispatch();
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

        // Failure detection tuned for a LAN: a SIGKILLed silo is declared dead in about a second instead of ~15 s,
        // so its agents' heartbeats find a new home fast (measured figures in docs/adr/0003).
        orleans.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = Settings.Seconds(config, "CLUSTER_PROBE_TIMEOUT_SECONDS", TimeSpan.FromSeconds(1));
            o.NumMissedProbesLimit = Settings.Number(config, "CLUSTER_MISSED_PROBES_LIMIT", 2, 1, 10);
            o.NumVotesForDeathDeclaration = Settings.Number(config, "CLUSTER_VOTES_FOR_DEATH", 1, 1, 10);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        });

        // Orleans refuses reminder periods under a minute unless told otherwise; tests and demos run the roll call
        // (AgentRollCallGrain) more often.
        var reminderPeriod = Settings.Seconds(config, "AGENT_OFFLINE_REMINDER_SECONDS", TimeSpan.FromSeconds(60), 1, 3600);
        orleans.Configure<ReminderOptions>(o =>
        {
            if (reminderPeriod < o.MinimumReminderPeriod) o.MinimumReminderPeriod = reminderPeriod;
        });
    }
}
