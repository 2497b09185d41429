using Cockpit.Storage.Telemetry.Chat;
using static Cockpit.Storage.Tests.Telemetry.TelemetrySamples;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class ChatTranscriptTests
{
    private static readonly Guid Job = Guid.NewGuid();

    [Fact]
    public void A_growing_conversation_lists_every_message_once_followed_by_each_answer()
    {
        var system = Message("system", "You extract requirements.");
        var first = Message("user", "Document A");
        var answer1 = Message("assistant", "[1]");
        var second = Message("user", "And document B?");
        var calls = new[]
        {
            Llm(Job, T0, Request(system, first), Answer("[1]")),
            Llm(Job, T0.AddSeconds(1), Request(system, first, answer1, second), Answer("[2]")),
        };

        var chat = ChatTranscript.Build(Job, calls);

        chat.Calls.ShouldBe(2);
        chat.Messages.Select(m => (m.Role, m.Content?.GetString(), m.Source)).ShouldBe(
        [
            ("system", "You extract requirements.", "request"),
            ("user", "Document A", "request"),
            ("assistant", "[1]", "response"),
            ("user", "And document B?", "request"),
            ("assistant", "[2]", "response"),
        ]);
        chat.Messages.Select(m => m.Index).ShouldBe([0, 1, 2, 3, 4]);
        chat.Messages.Select(m => m.AuditId).ShouldBe([calls[0].Id, calls[0].Id, calls[0].Id, calls[1].Id, calls[1].Id]);
    }

    [Fact]
    public void Calls_that_start_over_share_only_the_system_prompt()
    {
        var system = Message("system", "You extract requirements.");
        var calls = new[]
        {
            Llm(Job, T0, Request(system, Message("user", "chunk 1")), Answer("[a]")),
            Llm(Job, T0.AddSeconds(1), Request(system, Message("user", "chunk 2")), Answer("[b]")),
            Llm(Job, T0.AddSeconds(2), Request(system, Message("user", "chunk 3")), Answer("[c]")),
        };

        var chat = ChatTranscript.Build(Job, calls);

        chat.Messages.Select(m => m.Content?.GetString()).ShouldBe(
            ["You extract requirements.", "chunk 1", "[a]", "chunk 2", "[b]", "chunk 3", "[c]"]);
        chat.Messages.Count(m => m.Role == "system").ShouldBe(1);
    }

    [Fact]
    public void A_failed_call_adds_its_new_messages_but_no_answer_and_the_next_call_continues_from_it()
    {
        var system = Message("system", "s");
        var question = Message("user", "q");
        var calls = new[]
        {
            Llm(Job, T0, Request(system, question), response: Json("""{"error": {"message": "rate limited"}}""")),
            Llm(Job, T0.AddSeconds(1), Request(system, question), Answer("ok")),
        };

        var chat = ChatTranscript.Build(Job, calls);

        chat.Messages.Select(m => (m.Content?.GetString(), m.Source)).ShouldBe([("s", "request"), ("q", "request"), ("ok", "response")]);
        chat.Messages[2].AuditId.ShouldBe(calls[1].Id);
    }

    [Fact]
    public void Messages_keep_their_extra_fields_and_non_text_content()
    {
        var toolCall = Json("""{"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function"}]}""");
        var parts = Json("""{"role": "user", "content": [{"type": "text", "text": "look"}]}""");
        var chat = ChatTranscript.Build(Job, [Llm(Job, T0, Request(parts, toolCall), response: null)]);

        chat.Messages.Count.ShouldBe(2);
        chat.Messages[0].Content!.Value.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Array);
        chat.Messages[1].Message.GetProperty("tool_calls")[0].GetProperty("id").GetString().ShouldBe("c1");
    }

    [Fact]
    public void Ollama_style_answers_and_requests_without_messages_are_understood()
    {
        var ollama = Json("""{"model": "llama", "message": {"role": "assistant", "content": "hi"}, "done": true}""");
        var chat = ChatTranscript.Build(Job,
        [
            Llm(Job, T0, Request(Message("user", "hello")), ollama),
            Llm(Job, T0.AddSeconds(1), Json("""{"model": "x"}"""), Answer("bare")),
        ]);

        chat.Messages.Select(m => m.Content?.GetString()).ShouldBe(["hello", "hi", "bare"]);
    }

    [Fact]
    public void No_calls_is_an_empty_conversation()
    {
        var chat = ChatTranscript.Build(Job, [], truncated: false);
        chat.Messages.ShouldBeEmpty();
        chat.Calls.ShouldBe(0);
        chat.JobId.ShouldBe(Job);
    }
}
