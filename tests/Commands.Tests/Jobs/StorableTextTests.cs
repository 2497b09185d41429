using System.Text.Json;
using Cockpit.Commands.Jobs;
using Cockpit.Protocol.Paths;
using Cockpit.Storage;

namespace Cockpit.Commands.Tests.Jobs;

/// <summary>
/// Text a job is created with must be storable (PostgreSQL refuses a NUL in text and jsonb) and a concurrency key
/// must be told apart from every other by reading it. The command layer checks both for REST, GraphQL and MCP alike;
/// REST's body reader refuses a NUL before that (BadInputTests).
/// </summary>
public sealed class StorableTextTests
{
    private static readonly DocumentRoots Roots = DocumentRoots.Parse(Path.GetTempPath());

    private static Dictionary<string, string[]> Refusals(NewJob job)
    {
        var errors = new Dictionary<string, string[]>();
        CreateJobValidator.Validate(Guid.NewGuid(), job, Roots, errors);
        return errors;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void A_NUL_in_the_prompt_the_instructions_or_anywhere_in_the_context_is_refused_under_its_field()
    {
        Refusals(new NewJob("a\0b"))["prompt"].ShouldBe([PostgresText.NulRefusal]);
        Refusals(new NewJob("p", Instructions: "\0")).Keys.ShouldBe(["instructions"]);
        Refusals(new NewJob("p", Context: Json("""{"customer":{"name":"a\u0000"}}"""))).Keys.ShouldBe(["context"]);
        Refusals(new NewJob("p", Context: Json("""{"k\u0000":1}"""))).Keys.ShouldBe(["context"]);
        Refusals(new NewJob("p", Context: Json("""{"path":"C:\\u0000dir"}"""))).ShouldBeEmpty("an escaped backslash before 'u0000' is text");
    }

    [Theory]
    [InlineData("""{"a":"\u0000"}""", true)]
    [InlineData("""["x", {"b":["\u0000"]}]""", true)]
    [InlineData("""{"\u0000":"v"}""", true)]
    [InlineData("""{"a":"\\u0000"}""", false)]
    [InlineData("""{"a":"\\\u0000"}""", true)]
    [InlineData("""{"a":"\\\\u0000"}""", false)]
    [InlineData("""{"a":"u0000 \u0001"}""", false)]
    public void A_NUL_in_JSON_is_found_where_jsonb_would_refuse_it(string json, bool holdsNul) =>
        PostgresText.HoldsNul(Json(json)).ShouldBe(holdsNul, json);

    [Theory]
    [InlineData("tenant-a", null)]
    [InlineData("openai/gpt-4o", null)]
    [InlineData("Kunde Müller", null)]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "must not be only white space")]
    [InlineData(" tenant", "must not begin or end with white space")]
    [InlineData("tenant\u00a0", "must not begin or end with white space")]
    [InlineData("ten\u200bant", "must not contain invisible formatting characters")]
    [InlineData("tenant\u202e", "must not contain invisible formatting characters")]
    [InlineData("ten\0ant", "must not contain control characters")]
    [InlineData("ten\tant", "must not contain control characters")]
    public void A_concurrency_key_is_one_people_can_read_and_tell_apart(string key, string? problem) =>
        DispatchValidator.ConcurrencyKeyProblem(key).ShouldBe(problem);
}
