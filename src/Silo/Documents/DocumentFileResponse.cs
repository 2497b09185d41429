namespace Cockpit.Silo.Documents;

/// <summary>One stored file of an upload: the name it was stored under (made safe and unique) and its size in bytes.</summary>
public sealed record DocumentFileResponse(string Name, long Size);
