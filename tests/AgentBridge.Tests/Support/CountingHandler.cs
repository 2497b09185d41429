namespace Cockpit.AgentBridge.Tests.Support;

/// <summary>Tells an <see cref="AttemptCounter"/> about every request that passes, then lets it through unchanged.</summary>
internal sealed class CountingHandler(AttemptCounter counter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Record(request);
        return base.SendAsync(request, cancellationToken);
    }
}
