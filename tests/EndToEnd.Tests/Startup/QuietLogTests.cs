using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Startup;

/// <summary>
/// Quiet by default (issue 15, finding 8): a silo logging as under <c>make up</c> (nothing configured, Information
/// everywhere) writes one line of its own at start instead of Orleans' and the host's thirty-odd, no line for a static
/// file or a problem answer, and exactly one per agent registration and job state change. Reads the real process's
/// console output.
/// </summary>
public sealed class QuietLogTests
{
    [Fact]
    public async Task Start_up_static_files_and_4xx_answers_log_only_our_own_lines_at_Information_and_each_registration_and_job_change_one()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var ui = Directory.CreateTempSubdirectory("cockpit-quiet-ui-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(ui, "index.html"), "<!doctype html><title>quiet</title>");
            await File.WriteAllTextAsync(Path.Combine(ui, "main-QUIETCHECK.js"), "console.log('quiet');");
            await File.WriteAllTextAsync(Path.Combine(ui, "favicon.ico"), "icon");
            // The test environment silences Microsoft and Orleans; unset that (a blank value is unset), so this silo
            // logs as `make up`'s does.
            var silo = await system.StartSiloAsync(new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Information",
                ["Logging__LogLevel__Microsoft"] = "",
                ["Logging__LogLevel__Orleans"] = "",
                ["COCKPIT_UI_PATH"] = ui,
            });
            var client = silo.Client;

            (await client.GetAsync("/main-QUIETCHECK.js")).Status.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/favicon.ico")).Status.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/")).Status.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync($"/api/jobs/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync("/api/no-such-thing")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostJsonAsync("/api/jobs", new { prompt = "" })).Status.ShouldBe(HttpStatusCode.BadRequest);
            (await client.PostJsonAsync("/api/jobs", new { prompt = "p", document_path = "/root/notes.txt" })).Status.ShouldBe(HttpStatusCode.BadRequest);
            (await client.SendAsync(HttpMethod.Delete, $"/api/jobs/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.Unauthorized); // guests are operators
            (await client.GetAsync("/api/tables")).Status.ShouldBe(HttpStatusCode.Unauthorized);

            var podPort = FreePort.Next();
            var registered = await client.PostJsonAsync("/api/agents/register",
                new { config_name = "default", hostname = "quiet-agent", pod_ip = "127.0.0.1", pod_port = podPort });
            registered.Status.ShouldBe(HttpStatusCode.OK, registered.Text);
            var agentId = (string)registered.Json!["agent_id"]!;
            var jobId = await client.CreateJobAsync(new { prompt = "Quiet", document_path = system.WriteRequirementsDocument(1) });
            (await client.PostJsonAsync($"/api/agents/{agentId}/heartbeat", new { status = "ready" })).Status.ShouldBe(HttpStatusCode.OK);
            // Nothing listens at the agent's address: the push fails (a warning) and the job stays as it was.
            (await client.AssignAsync(jobId, Guid.Parse(agentId))).Status.ShouldBe(HttpStatusCode.BadGateway);
            (await client.CancelAsync(jobId)).Status.ShouldBe(HttpStatusCode.OK);

            // The console logger writes in order: once the last change's line is out, every earlier line is too.
            await Eventually.UntilAsync(() => Task.FromResult(silo.Tail(int.MaxValue).Contains($"Job {jobId} created → cancelled", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(15), "the cancellation's log line", () => silo.Tail());
            var entries = ConsoleLogEntry.Parse(silo.Tail(int.MaxValue));
            var information = entries.Where(e => e.Level == "info").ToList();

            // Nothing of Orleans' silo, membership and storage start-up or the host's "Now listening": ours only.
            information.Where(e => !e.Category.StartsWith("Cockpit.", StringComparison.Ordinal))
                .Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty(silo.Tail(200));
            information.Count(e => e.Message.StartsWith($"Cockpit silo listening on http://127.0.0.1:{silo.HttpPort} ", StringComparison.Ordinal)
                && e.Message.Contains("in cluster ", StringComparison.Ordinal)).ShouldBe(1, silo.Tail(200));

            information.ShouldNotContain(e => e.Category.StartsWith("Microsoft.AspNetCore.StaticFiles", StringComparison.Ordinal)
                || e.Category.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal)
                || e.Category.StartsWith("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal)
                || e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal)
                || e.Category.StartsWith("Microsoft.AspNetCore.Authorization", StringComparison.Ordinal)
                || e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)
                || e.Message.Contains("QUIETCHECK", StringComparison.Ordinal) || e.Message.Contains("favicon", StringComparison.Ordinal)
                || e.Message.Contains("status code", StringComparison.OrdinalIgnoreCase), silo.Tail(200));
            var activity = information.Where(e => e.Category == "Cockpit.Silo.Observability.ActivityLogSink").Select(e => e.Message).ToList();
            activity.Count.ShouldBe(3, silo.Tail(200));
            activity[0].ShouldBe($"Agent {agentId} (quiet-agent, config default) registered, pushes go to 127.0.0.1:{podPort}");
            activity[1].ShouldBe($"Job {jobId} created");
            activity[2].ShouldStartWith($"Job {jobId} created → cancelled (");
            entries.ShouldContain(e => e.Level == "warn" && e.Message.Contains($"Push to agent {agentId}", StringComparison.Ordinal), silo.Tail(200));
        }
        finally
        {
            Directory.Delete(ui, recursive: true);
        }
    }
}
