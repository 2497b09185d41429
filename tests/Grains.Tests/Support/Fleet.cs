using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Shouldly;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Drives the cluster the way the HTTP layer would: registers pods, sends heartbeats, creates jobs.
/// Every agent gets a fresh hostname and pod IP, so scenarios never see each other's agents, jobs or scripts.
/// </summary>
public sealed class Fleet(CockpitCluster cluster)
{
    public const int PodPort = 8001;

    private static int s_nextPod;

    public RecordingEventSink Events => cluster.Events;

    public ScriptedPodClient Pods => cluster.Pods;

    public IGrainFactory Grains => cluster.Client;

    public static string NewPodIp()
    {
        var n = Interlocked.Increment(ref s_nextPod);
        return $"10.{(n >> 16) & 0xff}.{(n >> 8) & 0xff}.{n & 0xff}";
    }

    public static string NewHostname() => $"agent-pod-{Guid.NewGuid():N}";

    public static AgentRegistrationInfo Registration(string hostname, string podIp, int? pid = 42) =>
        new("default", hostname, podIp, PodPort, pid, """{"zone":"test"}""", LabelDictionary.Of(new Dictionary<string, string> { ["gpu"] = "true" }));

    public IAgentGrain Agent(Guid agentId) => Grains.GetGrain<IAgentGrain>(agentId);

    public IJobGrain Job(Guid jobId) => Grains.GetGrain<IJobGrain>(jobId);

    public IAgentRegistryGrain Registry(string hostname) => Grains.GetGrain<IAgentRegistryGrain>(IAgentRegistryGrain.KeyFor(hostname));

    public Task<AgentSnapshot> RegisterAsync(string hostname, string podIp) =>
        Registry(hostname).RegisterAsync(Registration(hostname, podIp));

    public Task<AgentSnapshot> RegisterAsync() => RegisterAsync(NewHostname(), NewPodIp());

    public async Task<AgentSnapshot> HeartbeatAsync(Guid agentId, AgentStatus status, Guid? jobId = null,
        string? errorMessage = null, JobProgress? progress = null)
    {
        var snapshot = await Agent(agentId).HeartbeatAsync(
            new HeartbeatInfo(status, jobId, """{"memory_mb":128}""", errorMessage, null, progress));
        return snapshot.ShouldNotBeNull($"agent {agentId} is registered");
    }

    public async Task<AgentSnapshot> ReadyAgentAsync()
    {
        var agent = await RegisterAsync();
        var ready = await HeartbeatAsync(agent.Id, AgentStatus.Ready);
        ready.Status.ShouldBe(AgentStatus.Ready);
        return ready;
    }

    public static JobSpec NewSpec() => new(Guid.NewGuid(), "Extract the requirements from the tender", "/docs/tender.pdf",
        "/docs", "default", """{"customer":"acme"}""", "Be thorough.");

    public async Task<JobSnapshot> CreateJobAsync(JobSpec? spec = null)
    {
        spec ??= NewSpec();
        var created = await Job(spec.JobId).CreateAsync(spec);
        created.Status.ShouldBe(CommandStatus.Ok, created.Error);
        return created.Value.ShouldNotBeNull();
    }

    /// <summary>A ready agent and a job assigned to it: the job is processing, the agent working on it.</summary>
    public async Task<(AgentSnapshot Agent, JobSnapshot Job)> RunningJobAsync()
    {
        var agent = await ReadyAgentAsync();
        var job = await CreateJobAsync();
        var assigned = await Job(job.Id).AssignAsync(agent.Id);
        assigned.Status.ShouldBe(CommandStatus.Ok, assigned.Error);
        var running = assigned.Value.ShouldNotBeNull();
        running.Status.ShouldBe(JobStatus.Processing);
        var working = (await Agent(agent.Id).GetAsync()).ShouldNotBeNull();
        return (working, running);
    }
}
