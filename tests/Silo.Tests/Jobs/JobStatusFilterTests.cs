using Cockpit.Grains.Jobs;
using Cockpit.Silo.Jobs;

namespace Cockpit.Silo.Tests.Jobs;

/// <summary>The <c>?status=</c> filter of the job lists: comma-separated or repeated wire names, an unknown one named under the parameter.</summary>
public sealed class JobStatusFilterTests
{
    [Fact]
    public void Comma_separated_and_repeated_names_add_up_and_blanks_are_ignored()
    {
        var errors = new Dictionary<string, string[]>();

        var statuses = JobStatusFilter.Parse(["created, processing", null, "", "completed", "processing"], "status", errors);

        errors.ShouldBeEmpty();
        statuses.Order().ShouldBe(new[] { JobStatus.Created, JobStatus.Processing, JobStatus.Completed }.Order());
    }

    [Fact]
    public void No_value_means_no_filter()
    {
        var errors = new Dictionary<string, string[]>();

        JobStatusFilter.Parse([], "status", errors).ShouldBeEmpty();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_name_is_an_error_under_the_parameter_listing_the_known_ones()
    {
        var errors = new Dictionary<string, string[]>();

        JobStatusFilter.Parse(["completed,finished"], "state", errors).ShouldBe([JobStatus.Completed]);

        var message = errors["state"].ShouldHaveSingleItem();
        message.ShouldStartWith("'finished' is not one of ");
        foreach (var known in Enum.GetValues<JobStatus>()) message.ShouldContain(known.ToString().ToLowerInvariant());
    }

    [Fact]
    public void A_long_unknown_name_is_clipped_in_the_message()
    {
        var errors = new Dictionary<string, string[]>();

        JobStatusFilter.Parse([new string('x', 500)], "status", errors);

        errors["status"].ShouldHaveSingleItem().ShouldStartWith($"'{new string('x', 64)}…' is not one of");
    }
}
