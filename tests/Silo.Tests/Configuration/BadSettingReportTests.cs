using Cockpit.Settings;
using Cockpit.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace Cockpit.Silo.Tests.Configuration;

/// <summary>What the silo prints when it stops at start: the bad setting's own line, nothing for other failures.</summary>
public sealed class BadSettingReportTests
{
    [Fact]
    public void A_setting_exception_is_its_message()
    {
        BadSettingReport.LineFor(new SettingException("SILO_PORT='x' is not a whole number from 1 to 65535."))
            .ShouldBe("SILO_PORT='x' is not a whole number from 1 to 65535.");
    }

    [Fact]
    public void Validation_failures_are_joined_on_one_line_without_the_data_annotation_wrapping()
    {
        var failure = new OptionsValidationException("x", typeof(object),
        [
            "DataAnnotation validation failed for 'AgentBridgeOptions' members: 'PushRetries' with the error: 'AGENT_PUSH_RETRIES must be from 0 to 10 (got 50).'.",
            "GRAPHQL_MAX_DEPTH='deep' is not a whole number.",
        ]);

        BadSettingReport.LineFor(failure).ShouldBe("AGENT_PUSH_RETRIES must be from 0 to 10 (got 50). GRAPHQL_MAX_DEPTH='deep' is not a whole number.");
    }

    [Fact]
    public void Wrapping_exceptions_are_looked_through()
    {
        var inner = new SettingException("LOG_FORMAT='xml' is neither 'plain' nor 'json'.");

        BadSettingReport.LineFor(new AggregateException(inner)).ShouldBe(inner.Message);
        BadSettingReport.LineFor(new System.Reflection.TargetInvocationException(inner)).ShouldBe(inner.Message);
    }

    [Fact]
    public void Any_other_failure_is_not_a_bad_setting()
    {
        BadSettingReport.LineFor(new InvalidOperationException("the database is down")).ShouldBeNull();
        BadSettingReport.LineFor(new AggregateException(new SettingException("a"), new SettingException("b"))).ShouldBeNull();
    }
}
