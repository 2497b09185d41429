using System.Text.Json;

namespace Cockpit.DemoLlm;

/// <summary>
/// <c>POST /v1/chat/completions</c>, streaming (server-sent events, usage in the last chunk) and not, with OpenAI's
/// field names so any OpenAI-compatible client reads it. Any API key is accepted: the demo guards nothing.
/// </summary>
public static class ChatCompletionsEndpoint
{
    private const int StreamPieces = 8;

    public static async Task HandleAsync(HttpContext context, DemoLlmOptions settings, FailOnceMemory failOnce, TimeProvider clock)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, 400, "invalid_request_error", null, $"the body is not JSON: {e.Message}");
            return;
        }
        var (request, param, error) = ChatRequest.Parse(body);
        if (request is null)
        {
            await ErrorAsync(context, 400, "invalid_request_error", param, error!);
            return;
        }

        var user = request.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        var directive = Directives.Of(user);
        if (directive == Directive.Fail || (directive == Directive.FailOnce && failOnce.FirstTime(request)))
        {
            await Task.Delay(settings.Delay / 4, clock, context.RequestAborted);
            await ErrorAsync(context, 500, "server_error", null, $"cockpit-demo was told to fail ('{(directive == Directive.Fail ? Directives.Fail : Directives.FailOnce)}' in the prompt)");
            return;
        }

        var content = DemoAnswer.For(request.Messages);
        var usage = new
        {
            prompt_tokens = TokenEstimate.Prompt(request.Messages),
            completion_tokens = TokenEstimate.Of(content),
            total_tokens = TokenEstimate.Prompt(request.Messages) + TokenEstimate.Of(content),
        };
        var id = "chatcmpl-demo-" + Guid.NewGuid().ToString("N");
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        if (!request.Stream)
        {
            await Task.Delay(settings.Delay, clock, context.RequestAborted);
            await context.Response.WriteAsJsonAsync(new
            {
                id,
                @object = "chat.completion",
                created,
                model = DemoModel.Name,
                system_fingerprint = DemoModel.Fingerprint,
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                usage,
            }, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        async Task SendAsync(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        object Chunk(object delta, string? finish) => new
        {
            id, @object = "chat.completion.chunk", created, model = DemoModel.Name, system_fingerprint = DemoModel.Fingerprint,
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        };

        await SendAsync(Chunk(new { role = "assistant", content = "" }, null));
        var size = Math.Max(1, (content.Length + StreamPieces - 1) / StreamPieces);
        for (var start = 0; start < content.Length; start += size)
        {
            await Task.Delay(settings.Delay / StreamPieces, clock, context.RequestAborted);
            await SendAsync(Chunk(new { content = content.Substring(start, Math.Min(size, content.Length - start)) }, null));
        }
        await SendAsync(Chunk(new { }, "stop"));
        // Usage in a last chunk without choices, as OpenAI sends it with stream_options.include_usage; sent always,
        // because a demo that hides its token counts would be no use for cost views.
        await SendAsync(new { id, @object = "chat.completion.chunk", created, model = DemoModel.Name, choices = Array.Empty<object>(), usage });
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string type, string? param, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type, param, code = (string?)null } }, context.RequestAborted);
    }
}
