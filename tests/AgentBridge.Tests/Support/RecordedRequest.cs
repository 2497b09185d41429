namespace Cockpit.AgentBridge.Tests.Support;

/// <summary>One request as a fake pod received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? ContentType, long? ContentLength, bool Chunked,
    string? Authorization = null);
