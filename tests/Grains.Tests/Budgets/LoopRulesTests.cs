using Cockpit.Grains.Budgets;
using Shouldly;

namespace Cockpit.Grains.Tests.Budgets;

/// <summary>Runaway loops and heartbeat tokens as tables.</summary>
public sealed class LoopRulesTests
{
    [Theory]
    // requests in order (one letter per request hash), limit → looping?, repeats at the end
    [InlineData("", 5, false, 0)]
    [InlineData("AAAA", 5, false, 4)]
    [InlineData("AAAAA", 5, true, 5)]
    [InlineData("AAAABAAAA", 5, false, 4)]
    [InlineData("BAAAAA", 5, true, 5)]
    [InlineData("ABABABABAB", 5, false, 1)]
    [InlineData("AAB", 2, false, 1)]
    [InlineData("ABB", 2, true, 2)]
    public void The_same_request_n_times_in_a_row_is_a_loop(string requests, int limit, bool looping, int repeats)
    {
        var track = LoopRules.Next(LoopTrack.Empty, requests.Select(c => c.ToString()));

        LoopRules.IsLooping(track, limit).ShouldBe(looping);
        track.Repeats.ShouldBe(repeats);
    }

    [Fact]
    public void A_count_carries_over_from_one_batch_to_the_next()
    {
        var track = LoopRules.Next(LoopTrack.Empty, ["A", "A", "A"]);
        LoopRules.IsLooping(LoopRules.Next(track, ["A", "A"]), 5).ShouldBeTrue();
    }

    [Fact]
    public void The_stop_message_names_the_count() =>
        LoopRules.StopMessage(5).ShouldBe("looping: the same LLM request 5 times in a row");

    [Theory]
    // tokens so far, counter at the last report (null: first of the run), counter now → tokens, counter kept
    [InlineData(0L, null, 1000L, 0L, 1000L)]
    [InlineData(0L, 1000L, 1500L, 500L, 1500L)]
    [InlineData(700L, null, 90_000L, 700L, 90_000L)]
    [InlineData(700L, 90_000L, 90_000L, 700L, 90_000L)]
    [InlineData(700L, 90_000L, 300L, 1000L, 300L)]
    public void Heartbeat_tokens_count_what_the_agents_counter_grew_by_during_the_job(long total, long? last, long counter, long expectedTotal, long expectedCounter) =>
        HeartbeatTokenRules.Next(total, last, counter).ShouldBe((expectedTotal, expectedCounter));

    [Theory]
    [InlineData(null, "5", "flag", true)]
    [InlineData("1.00", "5", "cancel", true)]
    [InlineData("0", "5", "flag", false)]
    [InlineData("-1", "5", "flag", false)]
    [InlineData(null, "1", "flag", false)]
    [InlineData(null, "1001", "flag", false)]
    [InlineData(null, "5", "stop", false)]
    [InlineData(null, "5", "CANCEL", true)]
    public void Settings_are_checked(string? defaultCost, string repeats, string action, bool valid)
    {
        var options = new BudgetOptions
        {
            DefaultMaxCostUsd = defaultCost is null ? null : decimal.Parse(defaultCost, System.Globalization.CultureInfo.InvariantCulture),
            LoopRepeats = int.Parse(repeats, System.Globalization.CultureInfo.InvariantCulture),
            LoopAction = action,
        };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        (errors.Count == 0).ShouldBe(valid, string.Join("; ", errors.Select(e => e.ErrorMessage)));
    }
}
