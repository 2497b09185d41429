using System.Collections.Concurrent;
using Cockpit.Grains.Dispatch;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Records the newest version of each agent's notice the dispatcher has taken. An agent grain tells the dispatcher
/// one-way, so a test that rebuilds the dispatcher first waits here until the old activation has heard the agent:
/// otherwise a notice still in flight reaches the rebuilt one and tells it what the test says it cannot know yet.
/// One instance is shared by both in-process silos.
/// </summary>
public sealed class DispatcherNoticeRecorder : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<Guid, long> _heard = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.Grain is DispatcherGrain && context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is AgentDispatchNotice notice)
        {
            _heard.AddOrUpdate(notice.AgentId, notice.Version, (_, known) => Math.Max(known, notice.Version));
        }
    }

    /// <summary>Waits until the dispatcher has taken a notice of <paramref name="agentId"/> at <paramref name="version"/> or later.</summary>
    public Task HeardAsync(Guid agentId, long version) =>
        Poll.UntilAsync(() => _heard.TryGetValue(agentId, out var heard) && heard >= version, $"the dispatcher to hear agent {agentId} at version {version}");
}
