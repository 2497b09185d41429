using System.Net.Http.Json;

namespace Cockpit.TestSupport;

/// <summary>The demo LLM (src/DemoLlm, model cockpit-demo) as a real process on a free loopback port.</summary>
public sealed class DemoLlmProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private DemoLlmProcess(ChildProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public const string Model = "cockpit-demo";

    /// <summary>The LLM_BASE_URL to give an agent (ends in /v1).</summary>
    public Uri BaseUrl { get; }

    /// <summary>LLM_BASE_URL, OPENAI_API_KEY and LLM_MODEL for an agent process that should use this demo.</summary>
    public IReadOnlyDictionary<string, string> AgentSettings => new Dictionary<string, string>
    {
        ["LLM_BASE_URL"] = BaseUrl.ToString(),
        ["OPENAI_API_KEY"] = "demo",
        ["LLM_MODEL"] = Model,
    };

    /// <param name="delayMs">DEMO_LLM_DELAY_MS: how long each call takes.</param>
    public static async Task<DemoLlmProcess> StartAsync(int delayMs = 20)
    {
        var port = FreePort.Next();
        var process = ChildProcess.StartDotnet("demo-llm", RepoPaths.DemoLlmDll, new Dictionary<string, string>
        {
            ["DEMO_LLM_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DEMO_LLM_DELAY_MS"] = delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var demo = new DemoLlmProcess(process, new Uri($"http://127.0.0.1:{port}/v1"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"))).IsSuccessStatusCode) return demo;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var tail = process.Tail();
                await demo.DisposeAsync();
                throw new InvalidOperationException("the demo LLM did not start:\n" + tail);
            }
            await Task.Delay(100);
        }
    }

    /// <summary>One non-streaming chat completion, as any OpenAI-compatible client sends it.</summary>
    public async Task<HttpResponseMessage> CompleteAsync(HttpClient http, object body)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await http.PostAsJsonAsync(new Uri(BaseUrl + "/chat/completions"), body);
    }

    public string Tail(int lines = 60) => _process.Tail(lines);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
