using Cockpit.TestSupport;

namespace Cockpit.DemoLlm.Tests;

/// <summary>One demo LLM process (200 ms per call) for all server tests.</summary>
public sealed class DemoLlmFixture : IAsyncLifetime
{
    public DemoLlmProcess Demo { get; private set; } = null!;

    public async Task InitializeAsync() => Demo = await DemoLlmProcess.StartAsync(delayMs: 200);

    public async Task DisposeAsync() => await Demo.DisposeAsync();
}
