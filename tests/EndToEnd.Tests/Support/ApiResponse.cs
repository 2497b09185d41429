using System.Net;
using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Json, string Text, string? MediaType)
{
    public JsonNode Ok()
    {
        ((int)Status).ShouldBeInRange(200, 299, Text);
        return Json ?? throw new InvalidOperationException("expected a JSON body, got: " + Text);
    }
}
