namespace Cockpit.Agent.Llm;

/// <summary>The part of a chat-completions answer the agent uses.</summary>
public sealed record ChatCompletion(string Content, int PromptTokens, int CompletionTokens);
