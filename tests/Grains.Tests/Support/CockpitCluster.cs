using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Hosting;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// An in-process Orleans cluster of two silos with the grains' real wiring except the three ports:
/// memory grain storage under <see cref="GrainStorage.Name"/> (whose writes can be made to fail, <see cref="StorageFaults"/>),
/// in-memory reminders, short liveness timings, and the shared <see cref="RecordingEventSink"/>,
/// <see cref="ScriptedPodClient"/>, <see cref="ScriptedSilentAgentFinder"/> and <see cref="ScriptedDispatchSource"/> in every silo.
/// </summary>
public sealed class CockpitCluster : IAsyncLifetime
{
    /// <summary>Silence after which an agent is offline. Short, so the offline scenario takes seconds, not minutes.</summary>
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan SilenceCheckInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The interval agents are told to heartbeat at; the roll call gives a revived agent this much more.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(500);

    public const int SiloCount = 2;

    private const string MemoryStorageName = "cockpit-memory";

    private InProcessTestCluster? _cluster;

    public RecordingEventSink Events { get; } = new();

    public ScriptedPodClient Pods { get; } = new();

    public StorageFaults StorageFaults { get; } = new();

    public ScriptedSilentAgentFinder ReadModel { get; } = new();

    /// <summary>What the dispatcher finds when it reads the read model (nothing unless a test says).</summary>
    public ScriptedDispatchSource DispatchSource { get; } = new();

    /// <summary>Short, so a test of the dispatcher's rebuild waits a moment, not five seconds.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromMilliseconds(300);

    public RecordingJobNotes Notes { get; } = new();

    public DispatcherNoticeRecorder DispatcherNotices { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not deployed");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(MemoryStorageName);
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) =>
                new FaultInjectingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryStorageName), StorageFaults));
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IDomainEventSink>(Events);
            silo.Services.AddSingleton<IAgentPodClient>(Pods);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<ISilentAgentFinder>(ReadModel);
            silo.Services.AddSingleton<IJobNotes>(Notes);
            silo.AddAgentLiveness();
            silo.AddDispatch();
            silo.AddCachedGrainInterfaceTypes();
            silo.Services.AddSingleton<IDispatchSource>(DispatchSource);
            silo.AddIncomingGrainCallFilter(DispatcherNotices);
            silo.Services.Configure<DispatcherOptions>(options => options.ReconcileInterval = ReconcileInterval);
            silo.Services.Configure<AgentLivenessOptions>(options =>
            {
                options.OfflineAfter = OfflineAfter;
                options.SilenceCheckInterval = SilenceCheckInterval;
                options.HeartbeatInterval = HeartbeatInterval;
                // What two default (60 s) heartbeat intervals gave before HeartbeatInterval was set here: the stale-heartbeat
                // scenarios are written against a grace longer than any test.
                options.JobConfirmationGrace = TimeSpan.FromMinutes(2);
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }
}
