using Cockpit.Agent.Llm;

namespace Cockpit.Agent.Tests.Pure;

public sealed class RequirementTotalEstimateTests
{
    [Theory]
    [InlineData(0, 0, 10, null)]   // nothing read yet: unknown
    [InlineData(70, 2, 10, 350)]   // a fifth read: five times what was found
    [InlineData(71, 3, 10, 237)]   // rounded up, so the count never exceeds the total
    [InlineData(0, 4, 10, 0)]      // nothing found so far
    [InlineData(600, 10, 10, 600)] // every chunk read: exact
    [InlineData(5, 1, 1, 5)]
    [InlineData(3, 12, 10, 3)]     // more read than there are (a changed document): what was found
    public void The_estimate_scales_what_was_found_by_the_share_read(int found, int read, int chunks, int? total) =>
        RequirementTotalEstimate.Of(found, read, chunks).ShouldBe(total);

    [Fact]
    public void The_count_found_never_exceeds_the_estimate_the_orchestrator_checks_it_against()
    {
        for (var chunks = 1; chunks <= 30; chunks++)
        {
            for (var read = 1; read <= chunks; read++)
            {
                for (var found = 0; found <= 200; found += 7)
                {
                    var total = RequirementTotalEstimate.Of(found, read, chunks);
                    total.ShouldNotBeNull();
                    total.Value.ShouldBeGreaterThanOrEqualTo(found, $"{found} found, {read} of {chunks} read");
                }
            }
        }
    }
}
