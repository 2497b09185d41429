namespace Cockpit.DemoLlm;

/// <summary>
/// Token counts the way OpenAI's own rule of thumb puts them (about four characters of English per token, a few
/// tokens of framing per message). Not a tokenizer: the counts only have to be plausible and deterministic, so that
/// usage, cost and budgets can be checked against them.
/// </summary>
public static class TokenEstimate
{
    private const int PerMessage = 4;
    private const int PerReply = 3;

    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (text.Length + 3) / 4;
    }

    public static int Prompt(IReadOnlyList<ChatMessageIn> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Sum(m => Of(m.Role) + Of(m.Content) + PerMessage) + PerReply;
    }
}
