using Cockpit.Grains.Dispatch;
using Shouldly;
using static Cockpit.Grains.Tests.Dispatch.DispatchSamples;

namespace Cockpit.Grains.Tests.Dispatch;

public sealed class DispatchMatchingTests
{
    [Theory]
    // job config, job selector, agent config, agent labels, matches
    [InlineData(null, "", "any-config", "", true)]
    [InlineData("writer", "", "writer", "", true)]
    [InlineData("writer", "", "Writer", "", false)]
    [InlineData("writer", "", "reviewer", "gpu=true", false)]
    [InlineData(null, "gpu=true", "writer", "gpu=true,region=eu", true)]
    [InlineData(null, "gpu=true,region=eu", "writer", "gpu=true", false)]
    [InlineData(null, "gpu=true", "writer", "gpu=false", false)]
    [InlineData(null, "gpu=true", "writer", "GPU=true", false)]
    [InlineData("writer", "region=eu", "writer", "region=eu", true)]
    [InlineData("writer", "region=eu", "reviewer", "region=eu", false)]
    [InlineData(null, "", "writer", "gpu=true", true)]
    public void A_job_goes_to_an_agent_of_its_config_carrying_every_selector_pair(
        string? jobConfig, string selector, string agentConfig, string labels, bool expected)
    {
        var job = Job(1, config: jobConfig, selector: Parse(selector));
        var agent = Agent(1, agentConfig, Parse(labels));

        DispatchMatching.Matches(job, agent).ShouldBe(expected);
    }

    private static LabelDictionary Parse(string pairs) =>
        pairs.Length == 0 ? NoLabels : Labels(pairs.Split(','));
}
