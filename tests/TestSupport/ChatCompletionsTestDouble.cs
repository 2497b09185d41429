using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cockpit.TestSupport;

/// <summary>A test double of an OpenAI-compatible server: answers POST /v1/chat/completions with a scripted reply.</summary>
public sealed class ChatCompletionsTestDouble : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatCompletionsTestDouble(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The LLM_BASE_URL to give the agent (ends in /v1).</summary>
    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string? Authorization, JsonElement Body)> Requests { get; } = new();

    /// <param name="reply">Maps the user message to the assistant's content.</param>
    public static async Task<ChatCompletionsTestDouble> StartAsync(Func<string, string> reply, int promptTokens, int completionTokens)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new ChatCompletionsTestDouble(app, new Uri($"http://127.0.0.1:{port}/v1"));
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            var body = document.RootElement.Clone();
            server.Requests.Enqueue((request.Headers.Authorization.ToString(), body));
            var user = body.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;
            return Results.Json(new
            {
                id = "chatcmpl-test",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply(user) }, finish_reason = "stop" } },
                usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
            });
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
