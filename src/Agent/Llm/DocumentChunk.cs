namespace Cockpit.Agent.Llm;

/// <summary>A piece of one document small enough for one chat-completions call.</summary>
public sealed record DocumentChunk(string Source, int Part, int Parts, string Text);
