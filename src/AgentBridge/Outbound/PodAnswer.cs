using System.Net;
using System.Text;
using System.Text.Json;

namespace Cockpit.AgentBridge.Outbound;

/// <summary>
/// What a pod said, reduced to the two things the orchestrator uses: its status word and a message.
/// </summary>
/// <remarks>
/// The status code alone decides the outcome; the body only decorates it. A body that is missing, malformed, huge or
/// slow therefore never turns an answer into a failure: reading stops at <see cref="MaxBodyBytes"/> or at the attempt
/// timeout and what was read is used. Everything the pod wrote is cleaned before it reaches logs and the cockpit.
/// </remarks>
internal sealed record PodAnswer(HttpStatusCode StatusCode, string? StatusWord, string? Message)
{
    public const int MaxBodyBytes = 16 * 1024;
    private const int MaxWordLength = 64;
    private const int MaxMessageLength = 200;

    // FastAPI (the seed's agent) puts the reason of an HTTPException in "detail"; "message" is our own agents' field.
    private static readonly string[] MessageFields = ["message", "detail", "error"];

    public int Code => (int)StatusCode;

    /// <summary>The most telling short text of a refusal: the pod's message, else its status word, else the HTTP reason.</summary>
    public string? Explanation(string? reasonPhrase) => Message ?? StatusWord ?? Clean(reasonPhrase, MaxMessageLength);

    public static async Task<PodAnswer> ReadAsync(HttpResponseMessage response, TimeSpan readTimeout, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response.Content, readTimeout, cancellationToken);
        return Parse(response.StatusCode, body);
    }

    internal static PodAnswer Parse(HttpStatusCode statusCode, byte[] body)
    {
        if (body.Length == 0)
        {
            return new PodAnswer(statusCode, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new PodAnswer(statusCode, null, Clean(document.RootElement.GetRawText(), MaxMessageLength));
            }

            string? status = null;
            if (document.RootElement.TryGetProperty("status", out var statusElement) && statusElement.ValueKind == JsonValueKind.String)
            {
                status = Clean(statusElement.GetString(), MaxWordLength);
            }

            string? message = null;
            foreach (var field in MessageFields)
            {
                if (document.RootElement.TryGetProperty(field, out var element) && element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    // A validation error's detail is a list of objects: its raw JSON is still the best explanation we have.
                    message = Clean(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(), MaxMessageLength);
                    break;
                }
            }

            return new PodAnswer(statusCode, status, message);
        }
        catch (JsonException)
        {
            // Not JSON (a plain-text error page, or a body cut at MaxBodyBytes): the text itself is the message.
            return new PodAnswer(statusCode, null, Clean(Encoding.UTF8.GetString(body), MaxMessageLength));
        }
    }

    internal static string? Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (builder.Length >= maxLength)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, TimeSpan readTimeout, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readTimeout);
        var buffer = new byte[MaxBodyBytes];
        var filled = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(timeout.Token);
            while (filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), timeout.Token);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The headers already carried the answer; keep whatever part of the body arrived.
        }

        return buffer.AsSpan(0, filled).ToArray();
    }
}
