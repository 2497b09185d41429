using Cockpit.Agent.Requirements;
using Cockpit.Agent.Workspace;

namespace Cockpit.Agent.Tests.Pure;

public class CheckpointJsonTests
{
    [Fact]
    public void A_checkpoint_round_trips_with_its_requirements()
    {
        var checkpoint = new JobCheckpoint
        {
            JobId = Guid.NewGuid(),
            Workload = RequirementExtractionWorkload.WorkloadName,
            ProcessedUnits = 2,
            TotalUnits = 5,
            Requirements =
            [
                new ExtractedRequirement("REQ-001", "The system shall log.", "high", "spec.md"),
                new ExtractedRequirement("REQ-002", "Pages should be fast — really.", "medium", "prompt"),
            ],
            TokensUsed = 42,
            SavedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Reason = "cancelled",
        };

        var json = CheckpointJson.Serialize(checkpoint);
        var parsed = CheckpointJson.Parse(json);

        var none = Array.Empty<ExtractedRequirement>();
        (parsed with { Requirements = none }).ShouldBe(checkpoint with { Requirements = none });
        parsed.Requirements.ShouldBe(checkpoint.Requirements);
        json.ShouldContain("\"processed_units\": 2");
        json.ShouldContain("\"requirements\"");
    }

    [Theory]
    [InlineData("""{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","workload":"w","processed_units":3,"total_units":2,"requirements":[]}""")]
    [InlineData("""{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","workload":"w","total_units":2,"requirements":[]}""")]
    [InlineData("not json")]
    [InlineData("null")]
    public void Rejects_checkpoints_a_resume_cannot_rely_on(string json) =>
        Should.Throw<InvalidDataException>(() => CheckpointJson.Parse(json));
}
