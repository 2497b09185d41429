namespace Cockpit.DemoLlm;

/// <summary>One message of a chat-completions request, as far as the demo reads it.</summary>
public sealed record ChatMessageIn(string Role, string Content);
