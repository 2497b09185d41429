using System.Text.Json;
using Cockpit.AgentBridge.Tests.Support;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Outbound;

/// <summary>What goes on the wire and how answers map to outcomes, against real pods on loopback.</summary>
public sealed class AgentPodClientTests
{
    private static readonly Guid JobId = Guid.Parse("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");

    [Fact]
    public async Task Start_sends_the_seeds_JobStartRequest_with_snake_case_fields_and_the_context_as_an_object()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create();
        var job = new JobSpec(
            JobId,
            "Extract the requirements",
            "/workspace/uploads/spec.pdf",
            "/workspace/uploads",
            "creator",
            """{"project":"apollo","limits":{"max_requirements":50},"tags":["a","b"]}""",
            "Be thorough");

        var result = await host.Client.StartJobAsync(pod.Address, job, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("accepted"));
        var received = pod.Requests.ShouldHaveSingleItem();
        received.Method.ShouldBe("POST");
        received.Path.ShouldBe("/job/start");
        received.ContentType.ShouldBe("application/json; charset=utf-8");
        received.ContentLength.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(received.Body));
        received.Chunked.ShouldBeFalse();

        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["job_id", "prompt", "document_path", "document_dir", "config_name", "context", "instructions"], ignoreOrder: true);
        root.GetProperty("job_id").GetGuid().ShouldBe(JobId);
        root.GetProperty("prompt").GetString().ShouldBe("Extract the requirements");
        root.GetProperty("document_path").GetString().ShouldBe("/workspace/uploads/spec.pdf");
        root.GetProperty("document_dir").GetString().ShouldBe("/workspace/uploads");
        root.GetProperty("config_name").GetString().ShouldBe("creator");
        root.GetProperty("instructions").GetString().ShouldBe("Be thorough");
        var context = root.GetProperty("context");
        context.ValueKind.ShouldBe(JsonValueKind.Object);
        context.GetProperty("project").GetString().ShouldBe("apollo");
        context.GetProperty("limits").GetProperty("max_requirements").GetInt32().ShouldBe(50);
        context.GetProperty("tags").GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("  ")]
    public async Task Start_leaves_out_the_optional_fields_it_does_not_have(string? contextJson)
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.StartJobAsync(pod.Address, new JobSpec(JobId, "p", null, null, null, contextJson, null), CancellationToken.None);

        result.IsAccepted.ShouldBeTrue();
        using var body = JsonDocument.Parse(pod.Requests.ShouldHaveSingleItem().Body);
        body.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["job_id", "prompt"]);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    public async Task Start_with_a_context_that_is_not_a_JSON_object_is_rejected_without_sending(string contextJson)
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.StartJobAsync(pod.Address, new JobSpec(JobId, "p", null, null, null, contextJson, null), CancellationToken.None);

        result.Outcome.ShouldBe(PodCommandOutcome.Rejected);
        result.Detail.ShouldBe("not sent: the job's context is not a JSON object");
        pod.Requests.ShouldBeEmpty();
        host.Attempts.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Cancel_posts_the_job_id_to_job_cancel_and_returns_the_pods_status_word()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"cancelling"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.CancelJobAsync(pod.Address, JobId, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("cancelling"));
        var received = pod.Requests.ShouldHaveSingleItem();
        (received.Method, received.Path).ShouldBe(("POST", "/job/cancel"));
        received.Body.ShouldBe($$"""{"job_id":"{{JobId}}"}""");
    }

    [Fact]
    public async Task Resume_posts_the_job_id_to_job_resume()
    {
        await using var pod = await FakePod.AnsweringAsync(202, """{"status":"resuming","message":"from checkpoint 3"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.ResumeJobAsync(pod.Address, JobId, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("resuming"));
        var received = pod.Requests.ShouldHaveSingleItem();
        (received.Method, received.Path).ShouldBe(("POST", "/job/resume"));
        received.Body.ShouldBe($$"""{"job_id":"{{JobId}}"}""");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html>ok</html>")]
    [InlineData("""{"ok":true}""")]
    [InlineData("""{"status":42}""")]
    public async Task A_2xx_without_a_status_word_is_still_accepted(string? body)
    {
        await using var pod = await FakePod.AnsweringAsync(200, body);
        using var host = PushClientHost.Create();

        var result = await host.Client.CancelJobAsync(pod.Address, JobId, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted());
    }

    [Theory]
    [InlineData(409, """{"status":"busy"}""", "agent answered 409: busy")]
    [InlineData(409, """{"detail":"Agent is busy with job 42"}""", "agent answered 409: Agent is busy with job 42")]
    [InlineData(404, """{"status":"error","message":"no such job"}""", "agent answered 404: no such job")]
    [InlineData(422, """{"detail":[{"loc":["body","job_id"],"msg":"field required"}]}""", """agent answered 422: [{"loc":["body","job_id"],"msg":"field required"}]""")]
    [InlineData(400, null, "agent answered 400: Bad Request")]
    [InlineData(409, "busy,\r\n  try later", "agent answered 409: busy, try later")]
    public async Task A_4xx_is_rejected_with_what_the_pod_said(int statusCode, string? body, string detail)
    {
        await using var pod = await FakePod.AnsweringAsync(statusCode, body);
        using var host = PushClientHost.Create();

        var result = await host.Client.StartJobAsync(pod.Address, new JobSpec(JobId, "p", null, null, null, null, null), CancellationToken.None);

        result.ShouldBe(new PodCommandResult(PodCommandOutcome.Rejected, detail));
        pod.Count("POST", "/job/start").ShouldBe(1);
    }

    [Fact]
    public async Task A_long_refusal_is_cut_short()
    {
        await using var pod = await FakePod.AnsweringAsync(409, $$"""{"message":"{{new string('x', 5000)}}"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.CancelJobAsync(pod.Address, JobId, CancellationToken.None);

        result.Outcome.ShouldBe(PodCommandOutcome.Rejected);
        result.Detail.ShouldNotBeNull().Length.ShouldBeLessThan(250);
        result.Detail.ShouldEndWith("…");
    }

    [Fact]
    public async Task A_5xx_to_a_POST_is_unreachable_and_sent_exactly_once()
    {
        await using var pod = await FakePod.AnsweringAsync(500, """{"detail":"Internal Server Error"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.StartJobAsync(pod.Address, new JobSpec(JobId, "p", null, null, null, null, null), CancellationToken.None);

        result.ShouldBe(new PodCommandResult(PodCommandOutcome.Unreachable, $"agent pod 127.0.0.1:{pod.Port} unreachable: answered 500: Internal Server Error"));
        pod.Count("POST", "/job/start").ShouldBe(1);
        host.Attempts.Total.ShouldBe(1);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    public async Task A_5xx_to_cancel_or_resume_is_not_retried_either(int statusCode)
    {
        await using var pod = await FakePod.AnsweringAsync(statusCode, null);
        using var host = PushClientHost.Create();

        (await host.Client.CancelJobAsync(pod.Address, JobId, CancellationToken.None)).Outcome.ShouldBe(PodCommandOutcome.Unreachable);
        (await host.Client.ResumeJobAsync(pod.Address, JobId, CancellationToken.None)).Outcome.ShouldBe(PodCommandOutcome.Unreachable);

        pod.Count("POST", "/job/cancel").ShouldBe(1);
        pod.Count("POST", "/job/resume").ShouldBe(1);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var elsewhere = await FakePod.AnsweringAsync(200, """{"status":"accepted"}""");
        await using var pod = await FakePod.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"http://127.0.0.1:{elsewhere.Port}/job/start";
            return Task.CompletedTask;
        });
        using var host = PushClientHost.Create();

        var result = await host.Client.StartJobAsync(pod.Address, new JobSpec(JobId, "p", null, null, null, null, null), CancellationToken.None);

        result.Outcome.ShouldBe(PodCommandOutcome.Rejected);
        result.Detail.ShouldNotBeNull().ShouldStartWith("agent answered 307");
        elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_returns_the_status_the_agent_reports()
    {
        await using var pod = await FakePod.AnsweringAsync(200, $$"""{"agent_id":"{{Guid.NewGuid()}}","status":"working","current_job_id":"{{JobId}}","config_name":"creator"}""");
        using var host = PushClientHost.Create();

        var result = await host.Client.GetStatusAsync(pod.Address, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("working"));
        var received = pod.Requests.ShouldHaveSingleItem();
        (received.Method, received.Path, received.Body).ShouldBe(("GET", "/status", ""));
    }

    [Fact]
    public async Task Status_is_retried_after_a_5xx()
    {
        var calls = 0;
        await using var pod = await FakePod.StartAsync((context, _) =>
            Interlocked.Increment(ref calls) <= 2
                ? PodResponses.Json(context, 503, """{"detail":"starting"}""")
                : PodResponses.Json(context, 200, """{"status":"ready"}"""));
        using var host = PushClientHost.Create();

        var result = await host.Client.GetStatusAsync(pod.Address, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("ready"));
        pod.Count("GET", "/status").ShouldBe(3);
    }

    [Fact]
    public async Task Status_that_keeps_failing_is_unreachable_after_the_configured_retries()
    {
        await using var pod = await FakePod.AnsweringAsync(500, null);
        using var host = PushClientHost.Create(("AGENT_PUSH_RETRIES", "3"));

        var result = await host.Client.GetStatusAsync(pod.Address, CancellationToken.None);

        result.ShouldBe(new PodCommandResult(PodCommandOutcome.Unreachable, $"agent pod 127.0.0.1:{pod.Port} unreachable: answered 500: Internal Server Error"));
        pod.Count("GET", "/status").ShouldBe(4);
    }

    [Fact]
    public async Task Status_is_not_retried_after_a_4xx()
    {
        await using var pod = await FakePod.AnsweringAsync(404, null);
        using var host = PushClientHost.Create();

        var result = await host.Client.GetStatusAsync(pod.Address, CancellationToken.None);

        result.Outcome.ShouldBe(PodCommandOutcome.Rejected);
        pod.Count("GET", "/status").ShouldBe(1);
    }

    [Fact]
    public async Task Health_is_a_GET_of_health()
    {
        await using var pod = await FakePod.AnsweringAsync(200, """{"status":"ready"}""");
        using var host = PushClientHost.Create();
        var client = host.Client.ShouldBeOfType<Cockpit.AgentBridge.Outbound.AgentPodClient>();

        var result = await client.CheckHealthAsync(pod.Address, CancellationToken.None);

        result.ShouldBe(PodCommandResult.Accepted("ready"));
        (pod.Requests.ShouldHaveSingleItem().Method, pod.Requests[0].Path).ShouldBe(("GET", "/health"));
    }
}
