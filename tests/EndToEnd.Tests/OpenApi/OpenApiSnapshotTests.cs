using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.TestSupport;
using Cockpit.EndToEnd.Tests.Mcp;

namespace Cockpit.EndToEnd.Tests.OpenApi;

/// <summary>
/// The served <c>/openapi/v1.json</c> equals the checked-in snapshot, so a restructuring that means to keep the REST
/// contract cannot change it unnoticed. After a deliberate change, rewrite the snapshot with
/// <c>COCKPIT_UPDATE_OPENAPI_SNAPSHOT=1</c> and review the diff.
/// </summary>
[Collection(McpCollection.Name)]
public sealed class OpenApiSnapshotTests(McpFixture fixture)
{
    private static readonly string SnapshotPath = Path.Combine(RepoPaths.Root, "tests", "EndToEnd.Tests", "OpenApi", "Contracts", "openapi.v1.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task The_served_document_equals_the_checked_in_snapshot()
    {
        var served = (await fixture.Rest.GetAsync("/openapi/v1.json")).Ok();
        // The server address differs per run; everything else is the contract.
        served.AsObject().Remove("servers");
        var text = served.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("COCKPIT_UPDATE_OPENAPI_SNAPSHOT") == "1") await File.WriteAllTextAsync(SnapshotPath, text);

        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath))!;
        JsonNode.DeepEquals(served, snapshot).ShouldBeTrue(
            $"/openapi/v1.json differs from {SnapshotPath}. If the change is deliberate, rerun with COCKPIT_UPDATE_OPENAPI_SNAPSHOT=1.\nServed:\n{text}");
    }
}
