using System.Net.Http.Headers;
using System.Text.Json;
using Cockpit.Protocol;

namespace Cockpit.Bench.BaselineServers;

/// <summary>Sends POST /job/start to an agent pod, as the silo's push client does, without retries or guards.</summary>
public sealed class PodPusher : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public async Task<bool> StartAsync(string podIp, int podPort, Guid jobId, string prompt)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new JobStartRequest { JobId = jobId, Prompt = prompt }, BaselineJson.Wire);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(new Uri($"http://{podIp}:{podPort}{ProtocolPaths.JobStart}"), content);
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _http.Dispose();
}
