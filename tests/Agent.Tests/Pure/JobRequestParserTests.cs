using Cockpit.Agent.Jobs;

namespace Cockpit.Agent.Tests.Pure;

public class JobRequestParserTests
{
    [Fact]
    public void A_complete_start_body_parses()
    {
        var result = JobRequestParser.ParseStart("""
            {"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","prompt":"p","document_dir":"/docs","context":{"k":1},"instructions":null}
            """);

        result.IsValid.ShouldBeTrue();
        result.Value!.JobId.ShouldBe(Guid.Parse("6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01"));
        result.Value.DocumentDir.ShouldBe("/docs");
        result.Value.Context!["k"].GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"prompt":"p"}""", "job_id")]
    [InlineData("""{"job_id":"nope","prompt":"p"}""", "job_id")]
    [InlineData("""{"job_id":12,"prompt":"p"}""", "job_id")]
    [InlineData("""{"job_id":"00000000-0000-0000-0000-000000000000","prompt":"p"}""", "job_id")]
    [InlineData("""{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01"}""", "prompt")]
    [InlineData("""{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","prompt":["p"]}""", "prompt")]
    [InlineData("""{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","prompt":"p","document_path":3}""", "document_path")]
    [InlineData("""{"job_id":"6f1c1f9e-55a4-4bd1-9c55-5d1f1d2b6a01","prompt":"p","context":"x"}""", "context")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"job_id": """, "body")]
    public void A_bad_start_body_names_the_field(string body, string field)
    {
        var result = JobRequestParser.ParseStart(body);

        result.IsValid.ShouldBeFalse();
        result.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void A_command_body_needs_a_job_id() =>
        JobRequestParser.ParseCommand("{}").Errors.Keys.ShouldBe(["job_id"]);
}
