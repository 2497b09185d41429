using System.Text.Json;

namespace Cockpit.DemoLlm.Tests;

public sealed class DemoAnswerTests
{
    private const string System = "You extract requirements from documents. Answer with a JSON array only.";

    private static string Extraction(string name, string text) =>
        $"Task: Extract the requirements\n\nDocument: {name} (part 1 of 1)\n---\n{text}";

    [Fact]
    public void An_extraction_prompt_gets_the_shall_must_and_should_sentences_as_the_json_array_the_agent_asks_for()
    {
        var answer = DemoAnswer.For([new("system", System), new("user", Extraction("spec.md", """
            # Login

            The service shall authenticate users. A shallow check is not enough.

            - Sessions must expire after 30 minutes
            - The page should load fast
            """))]);

        JsonSerializer.Deserialize<JsonElement>(answer).EnumerateArray().Select(e => (e.GetProperty("text").GetString(), e.GetProperty("priority").GetString()))
            .ShouldBe([("The service shall authenticate users.", "high"), ("Sessions must expire after 30 minutes", "high"), ("The page should load fast", "medium")]);
    }

    [Fact]
    public void A_text_without_requirements_gets_an_empty_array() =>
        DemoAnswer.For([new("system", System), new("user", Extraction("notes.txt", "Mustard is yellow. Nothing here."))]).ShouldBe("[]");

    [Fact]
    public void Csv_documents_are_read_by_cell_as_the_agent_reads_them() =>
        DemoAnswer.For([new("system", System), new("user", Extraction("list.csv", "id,text\n1,\"Users must sign in, always\"\n2,no"))])
            .ShouldBe("""[{"text":"Users must sign in, always","priority":"high"}]""");

    [Theory]
    [InlineData("Hello, who are you?")]
    [InlineData("Task: x\nDocument: a.md (part 1 of 1)\nno separator line: The system shall work.")]
    public void Anything_else_gets_the_sentence_that_says_it_is_not_a_language_model(string user)
    {
        DemoAnswer.For([new("system", System), new("user", user)]).ShouldBe(DemoModel.Disclaimer);
        DemoModel.Disclaimer.ShouldContain("not a language model");
    }

    [Fact]
    public void Without_a_system_prompt_about_requirements_an_extraction_shaped_message_gets_the_disclaimer() =>
        DemoAnswer.For([new("user", Extraction("spec.md", "The system shall work."))]).ShouldBe(DemoModel.Disclaimer);

    [Fact]
    public void The_repeat_directive_gives_the_same_answer_every_time_and_no_json()
    {
        var messages = new ChatMessageIn[] { new("system", System), new("user", Extraction("spec.md", "cockpit-demo:repeat The system shall work.")) };
        DemoAnswer.For(messages).ShouldBe(DemoModel.RepeatedAnswer);
        DemoAnswer.For(messages).ShouldNotContain("[");
    }

    [Theory]
    [InlineData("plain text", Directive.None)]
    [InlineData("x COCKPIT-DEMO:FAIL y", Directive.Fail)]
    [InlineData("cockpit-demo:fail-once", Directive.FailOnce)]
    [InlineData("cockpit-demo:repeat", Directive.Repeat)]
    public void Directives_are_found_anywhere_in_the_prompt_ignoring_case(string prompt, Directive expected) =>
        Directives.Of(prompt).ShouldBe(expected);

    [Theory]
    [InlineData("", 0)]
    [InlineData("abcd", 1)]
    [InlineData("abcde", 2)]
    public void Tokens_are_about_four_characters_each(string text, int tokens) => TokenEstimate.Of(text).ShouldBe(tokens);

    [Fact]
    public void Prompt_tokens_count_every_message_with_its_framing() =>
        TokenEstimate.Prompt([new("system", "abcd"), new("user", "abcdefgh")]).ShouldBe((2 + 1 + 4) + (1 + 2 + 4) + 3);
}
