using Cockpit.Agent.Llm;
using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Tests.Pure;

public class LlmParsingTests
{
    [Fact]
    public void Takes_the_array_out_of_a_fenced_answer_and_accepts_strings_and_objects()
    {
        var items = LlmRequirementParser.Parse("""
            Here you go:
            ```json
            [{"text": "The app  shall start.", "priority": "HIGH"}, "Logs should rotate.", {"text": "Nice colours", "priority": "whatever"}, {"other": 1}]
            ```
            """);

        items.ShouldBe([("The app shall start.", "high"), ("Logs should rotate.", "medium"), ("Nice colours", "medium")]);
    }

    [Theory]
    [InlineData("no requirements here")]
    [InlineData("[not json]")]
    public void An_answer_without_a_json_array_is_a_format_error(string content) =>
        Should.Throw<FormatException>(() => LlmRequirementParser.Parse(content));

    [Fact]
    public void Reads_content_and_token_usage_of_a_chat_completion()
    {
        var completion = ChatCompletionsClient.Parse("""
            {"choices":[{"message":{"role":"assistant","content":"[]"}}],"usage":{"prompt_tokens":12,"completion_tokens":3}}
            """);

        completion.ShouldBe(new ChatCompletion("[]", 12, 3));
        ChatCompletionsClient.ChatCompletionsUri(new Uri("http://llm/v1")).ShouldBe(new Uri("http://llm/v1/chat/completions"));
    }

    [Fact]
    public void Chunks_break_at_paragraphs_and_long_paragraphs_are_cut()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(new string('a', 60), 3)) + "\n\n" + new string('b', 250);

        var chunks = DocumentChunker.Chunk([new SourceDocument("d.md", text)], 130);

        chunks.Select(c => c.Text.Length).ShouldBe([122, 60, 130, 120]);
        chunks.ShouldAllBe(c => c.Source == "d.md" && c.Parts == 4);
    }
}
