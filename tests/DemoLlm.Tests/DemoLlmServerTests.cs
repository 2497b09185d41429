using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.TestSupport;

namespace Cockpit.DemoLlm.Tests;

/// <summary>The demo's HTTP surface, against the real process, as an OpenAI-compatible client sees it.</summary>
public sealed class DemoLlmServerTests(DemoLlmFixture fixture) : IClassFixture<DemoLlmFixture>, IDisposable
{
    private readonly DemoLlmProcess _demo = fixture.Demo;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    private static object Extraction(string text, bool stream = false) => new
    {
        model = "any-model",
        stream,
        messages = new[]
        {
            new { role = "system", content = "You extract requirements. Answer with a JSON array." },
            new { role = "user", content = $"Task: t\n\nDocument: spec.md (part 1 of 1)\n---\n{text}" },
        },
    };

    [Fact]
    public async Task Models_lists_cockpit_demo_and_says_it_is_not_a_language_model()
    {
        var models = await _http.GetFromJsonAsync<JsonElement>(new Uri(_demo.BaseUrl + "/models"));
        var model = models.GetProperty("data").EnumerateArray().Single();
        model.GetProperty("id").GetString().ShouldBe("cockpit-demo");
        model.GetProperty("description").GetString()!.ShouldContain("not a language model");
    }

    [Fact]
    public async Task A_completion_answers_as_cockpit_demo_with_usage_after_the_configured_time()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await _demo.CompleteAsync(_http, Extraction("The system shall log. Users must sign in."));
        started.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("model").GetString().ShouldBe("cockpit-demo");
        body.GetProperty("system_fingerprint").GetString()!.ShouldContain("not a language model");
        var content = body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        content.ShouldBe("""[{"text":"The system shall log.","priority":"high"},{"text":"Users must sign in.","priority":"high"}]""");
        var usage = body.GetProperty("usage");
        usage.GetProperty("completion_tokens").GetInt32().ShouldBe(TokenEstimate.Of(content));
        usage.GetProperty("prompt_tokens").GetInt32().ShouldBeGreaterThan(10);
        usage.GetProperty("total_tokens").GetInt32().ShouldBe(usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task A_streamed_completion_sends_the_same_content_in_pieces_then_usage_then_done()
    {
        using var plain = await _demo.CompleteAsync(_http, Extraction("The system shall log."));
        var expected = await plain.Content.ReadFromJsonAsync<JsonElement>();

        using var response = await _demo.CompleteAsync(_http, Extraction("The system shall log.", stream: true));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? e[6..] : throw new ShouldAssertException($"not an SSE data line: {e}")).ToList();

        events[^1].ShouldBe("[DONE]");
        var chunks = events[..^1].Select(e => JsonSerializer.Deserialize<JsonElement>(e)).ToList();
        chunks.Count.ShouldBeGreaterThan(3);
        var text = string.Concat(chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var piece) ? piece.GetString() : ""));
        text.ShouldBe(expected.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32().ShouldBe(expected.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task The_fail_directive_answers_500_with_an_openai_error_every_time()
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await _demo.CompleteAsync(_http, Extraction("cockpit-demo:fail The system shall log."));
            response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString()!.ShouldContain("told to fail");
        }
    }

    [Fact]
    public async Task The_fail_once_directive_fails_the_first_call_of_a_request_and_answers_the_next()
    {
        var body = Extraction($"cockpit-demo:fail-once {Guid.NewGuid()} The system shall log.");
        using var first = await _demo.CompleteAsync(_http, body);
        using var second = await _demo.CompleteAsync(_http, body);
        first.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"messages": [{"role": "user", "content": "hi"}]}""", "model")]
    [InlineData("""{"model": "m", "messages": []}""", "messages")]
    [InlineData("""{"model": "m", "messages": [{"content": "no role"}]}""", "messages")]
    public async Task Bad_requests_are_400_naming_the_parameter(string json, string param)
    {
        using var response = await _http.PostAsync(new Uri(_demo.BaseUrl + "/chat/completions"), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("param").GetString().ShouldBe(param);
    }
}
