namespace Cockpit.Bench.Infrastructure;

/// <summary>Waits for a server to answer 2xx on a path, failing early when its process has gone.</summary>
public static class ReadinessProbe
{
    public static async Task WaitAsync(Uri baseAddress, string path, TimeSpan timeout, Func<bool> hasExited, Func<string> diagnostics)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited()) throw new InvalidOperationException($"{baseAddress} exited while starting\n{diagnostics()}");
            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{baseAddress}{path} did not become ready within {timeout.TotalSeconds:0} s\n{diagnostics()}");
    }
}
