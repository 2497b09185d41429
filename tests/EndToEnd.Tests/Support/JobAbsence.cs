using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// "No job was created by a refused request", against a read model that lags: creates a marker job after the refused
/// requests, waits until the list shows it (the projector writes in order), then checks that no job has the prompt.
/// </summary>
public static class JobAbsence
{
    public static async Task AssertNoJobWithPromptAsync(CockpitClient admin, string prompt)
    {
        var marker = await admin.CreateJobAsync(new { prompt = "marker after " + prompt[..Math.Min(prompt.Length, 40)] });
        var jobs = await Eventually.UntilAsync(async () =>
        {
            var list = (await admin.GetAsync("/api/jobs?limit=500")).Ok()["jobs"]!.AsArray();
            return list.Any(j => (string?)j!["id"] == marker.ToString()) ? list : null;
        }, TimeSpan.FromSeconds(30), "the marker job in the list");
        jobs.OfType<JsonObject>().Where(j => (string?)j["prompt"] == prompt).ShouldBeEmpty($"a refused request created a job '{prompt}'");
    }
}
