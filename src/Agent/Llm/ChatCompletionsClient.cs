using System.Net.Http.Headers;
using System.Text.Json;
using Cockpit.Agent.Configuration;

namespace Cockpit.Agent.Llm;

/// <summary>
/// A plain HttpClient POST to {LLM_BASE_URL}/chat/completions. No SDK on purpose: every OpenAI-compatible server
/// (OpenAI, vLLM, Ollama, LiteLLM, ...) understands this one request.
/// </summary>
public sealed class ChatCompletionsClient(HttpClient http, AgentOptions options)
{
    public string Model => options.LlmModel;

    public async Task<ChatCompletion> CompleteAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        if (!options.LlmEnabled) throw new InvalidOperationException("LLM_BASE_URL and OPENAI_API_KEY must both be set");
        using var request = new HttpRequestMessage(HttpMethod.Post, ChatCompletionsUri(options.LlmBaseUrl!))
        {
            // Bytes rather than JsonContent: a Content-Length instead of chunked upload, which some LLM proxies refuse.
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { model = options.LlmModel, temperature = 0, messages }, AgentJson.Wire))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.OpenAiApiKey);

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new LlmCallException($"chat completions answered {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode, Excerpt(body));
        return Parse(body);
    }

    /// <summary>Appends the path to the base URL (which usually ends in /v1), keeping any path the base has.</summary>
    public static Uri ChatCompletionsUri(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.ToString();
        return new Uri(text.EndsWith('/') ? text + "chat/completions" : text + "/chat/completions");
    }

    public static ChatCompletion Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var content = root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? "";
            int prompt = 0, completion = 0;
            if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
            {
                if (usage.TryGetProperty("prompt_tokens", out var p) && p.TryGetInt32(out var pv)) prompt = pv;
                if (usage.TryGetProperty("completion_tokens", out var c) && c.TryGetInt32(out var cv)) completion = cv;
            }
            return new ChatCompletion(content, prompt, completion);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new LlmCallException("the answer is not a chat completion", null, Excerpt(body), e);
        }
    }

    private static string Excerpt(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
