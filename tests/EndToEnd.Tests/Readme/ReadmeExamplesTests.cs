using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;
using Xunit.Abstractions;

namespace Cockpit.EndToEnd.Tests.Readme;

/// <summary>
/// Every example in README.md runs against a live system (a real silo and a reference agent, set up as <c>make up</c>
/// sets them up: guests are operators, dev sign-in on). Shell blocks run in README order in one bash process with
/// <c>set -euo pipefail</c>, real curl (told to fail on an HTTP error, which the README's <c>curl -s</c> would not)
/// and real jq, so a walk-through's variables carry from one block to the next; GraphQL queries and mutations are
/// POSTed to <c>/graphql</c>; subscriptions run through the npm graphql-ws client until their first event, which the
/// test provokes by creating jobs. A block the README marks as not meant to run here is named in the output.
/// </summary>
public sealed partial class ReadmeExamplesTests(ITestOutputHelper output)
{
    private static readonly string ReadmePath = Path.Combine(RepoPaths.Root, "README.md");

    /// <summary>The README's placeholder for the secret of an API token (what POST /api/tokens answers once).</summary>
    private const string TokenPlaceholder = "cockpit_…";

    [Fact]
    public void The_parser_finds_tagged_commands_skip_markers_and_untagged_fences()
    {
        const string markdown = """
            ```bash
            curl -s localhost:8085/api/agents
            ```
            <!-- readme-test: skip (needs k3s) -->

            ```sh
            kubectl apply -k x
            ```
            ```text
            not a command
            ```
            <!-- readme-test: skip () -->
            ```graphql
            { stats { jobs } }
            ```
            ```
            untagged
            ```
            """;
        var (examples, untagged) = ReadmeExamples.Parse(markdown);
        examples.Select(e => (e.Line, e.Language, e.SkipReason)).ShouldBe([(1, "bash", null), (6, "sh", "needs k3s"), (13, "graphql", null)]);
        examples[0].Text.ShouldBe("curl -s localhost:8085/api/agents");
        untagged.ShouldBe([16]);
    }

    [Fact]
    public async Task Every_example_in_the_README_runs_against_a_live_system()
    {
        var (examples, untagged) = ReadmeExamples.Parse(await File.ReadAllTextAsync(ReadmePath));
        untagged.ShouldBeEmpty("fenced blocks in README.md need a tag: bash/sh/graphql run here, text/json/yaml/… are not commands (lines: "
            + string.Join(", ", untagged) + ")");
        var skipped = examples.Where(e => e.SkipReason is not null).ToList();
        var shell = examples.Where(e => e.SkipReason is null && e.IsShell).ToList();
        var graphql = examples.Where(e => e.SkipReason is null && e.IsGraphQL).ToList();
        output.WriteLine($"README examples: {shell.Count + graphql.Count} run ({shell.Count} shell, {graphql.Count} GraphQL), {skipped.Count} skipped");
        foreach (var example in skipped) output.WriteLine($"  skipped: {example.Name} ({example.SkipReason})");
        shell.ShouldNotBeEmpty("the README's curl walk-through");
        graphql.ShouldNotBeEmpty("the README's GraphQL examples");

        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync(new Dictionary<string, string> { ["AUTH_GUEST_ROLE"] = "operator", ["AUTH_DEV_LOGIN"] = "true" });
        var agent = system.StartAgent(silo, "readme-agent");

        foreach (var example in graphql) await RunGraphQLAsync(silo, example);

        await SystemUnderTest.ReadyAgentIdAsync(silo, agent);
        var token = await AdminTokenAsync(silo);
        await RunShellAsync(system, silo, shell, token, () => agent.Tail() + "\n" + silo.Tail());
    }

    private async Task RunGraphQLAsync(SiloProcess silo, ReadmeExample example)
    {
        output.WriteLine($"  run: {example.Name}");
        if (!OperationKind().Match(example.Text).Groups["kind"].Value.Equals("subscription", StringComparison.Ordinal))
        {
            var answer = await silo.Client.GraphQLAsync(example.Text);
            answer["errors"].ShouldBeNull($"{example.Name} answered {answer.ToJsonString()}");
            answer["data"].ShouldNotBeNull(example.Name);
            return;
        }

        await using var subscriber = await GraphQLSubscriber.StartAsync(silo.BaseAddress, new GraphQLSubscriber.Operation("readme", example.Text));
        // The protocol does not acknowledge a subscription: provoke events until the first one arrives.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await silo.Client.CreateJobAsync(new { prompt = "provokes the README's subscription" });
            try
            {
                var first = await subscriber.WaitForAsync("readme", _ => true, TimeSpan.FromSeconds(2), $"the first event of {example.Name}");
                first.ShouldNotBeNull();
                break;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline && subscriber.Payloads("readme").Count == 0)
            {
                // not listening yet
            }
            catch (TimeoutException)
            {
                throw new ShouldAssertException($"{example.Name} sent no data: {subscriber.Dump()}");
            }
        }
        var payload = subscriber.Payloads("readme")[0];
        payload["errors"].ShouldBeNull($"{example.Name} answered {payload.ToJsonString()}");
    }

    /// <summary>An admin API token, for the README's <see cref="TokenPlaceholder"/> (the README says where it comes from).</summary>
    private static async Task<string> AdminTokenAsync(SiloProcess silo)
    {
        using var admin = new CockpitClient(silo.BaseAddress);
        await admin.SignInAsync("admin");
        var created = await admin.PostJsonAsync("/api/tokens", new { name = "readme examples", role = "admin" });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        return (string)created.Json!["token"]!;
    }

    private async Task RunShellAsync(SystemUnderTest system, SiloProcess silo, IReadOnlyList<ReadmeExample> examples, string token, Func<string> diagnostics)
    {
        // The walk-through runs from a checkout's root, where make up keeps its workspace in .data/workspace: here that
        // is a link to the test silo's workspace (a document root), so the README's paths resolve into it.
        var root = Directory.CreateTempSubdirectory("cockpit-readme-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".data"));
            File.CreateSymbolicLink(Path.Combine(root, ".data", "workspace"), system.WorkspaceRoot);
            var script = new StringBuilder("""
                set -euo pipefail
                command -v jq >/dev/null || { echo "the README's examples need jq" >&2; exit 1; }
                # An HTTP error must fail the example, not hand "null" to the next command.
                curl() { command curl --fail-with-body --max-time 30 "$@"; }

                """);
            foreach (var example in examples)
            {
                output.WriteLine($"  run: {example.Name}");
                script.Append("echo '### ").Append(example.Name.Replace("'", "", StringComparison.Ordinal)).Append("' >&2\n");
                var text = BaseUrl().Replace(example.Text, $"127.0.0.1:{silo.HttpPort}").Replace(TokenPlaceholder, token, StringComparison.Ordinal);
                script.Append(text).Append('\n');
            }
            var path = Path.Combine(root, "readme-examples.sh");
            await File.WriteAllTextAsync(path, script.ToString());

            var (exitCode, stdout, stderr) = await RunBashAsync(path, root, TimeSpan.FromSeconds(120));
            output.WriteLine(stdout);
            output.WriteLine(stderr);
            var last = stderr.Split('\n').LastOrDefault(l => l.StartsWith("### ", StringComparison.Ordinal)) ?? "(before the first example)";
            exitCode.ShouldBe(0, $"the README's shell examples failed in {last[4..]}\nstdout:\n{stdout}\nstderr:\n{stderr}\n{diagnostics()}");
            stdout.ShouldNotContain(token, customMessage: "a token never appears in an answer after its creation");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBashAsync(string script, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"the README's shell examples ran longer than {timeout.TotalSeconds:0} s\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The address the README's examples use for the system (make up's).</summary>
    [GeneratedRegex(@"(localhost|127\.0\.0\.1):8085")]
    private static partial Regex BaseUrl();

    [GeneratedRegex(@"^\s*(?<kind>query|mutation|subscription)?")]
    private static partial Regex OperationKind();
}
