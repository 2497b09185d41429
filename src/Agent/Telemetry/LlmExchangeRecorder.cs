namespace Cockpit.Agent.Telemetry;

/// <summary>
/// An HTTP handler on the chat-completions client that records the request and response bodies for the audit
/// trail (<see cref="LlmExchangeCapture"/>). It sees bodies only, never headers: the API key stays out of it.
/// </summary>
public sealed class LlmExchangeRecorder : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The client sends a byte array, which can be read again here without disturbing the send.
        var sent = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var requestObject = sent is null ? null : LlmExchangeCapture.RequestObject(sent);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception)
        {
            LlmExchangeCapture.Record(new LlmExchange(requestObject, null));
            throw;
        }
        // Buffered, so the client reads the same bytes after us.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        LlmExchangeCapture.Record(new LlmExchange(requestObject, LlmExchangeCapture.ResponseObject((int)response.StatusCode, LlmExchangeCapture.Text(body))));
        return response;
    }
}
