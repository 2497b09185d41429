namespace Cockpit.Storage.Workspace;

/// <summary>What happened to one file of an upload.</summary>
/// <param name="Document">The stored file, when it was accepted.</param>
/// <param name="Error">Why it was refused (names the file).</param>
/// <param name="TooLarge">Refused for its size: a 413 rather than a 400.</param>
public sealed record DocumentAddResult(StoredDocument? Document, string? Error, bool TooLarge)
{
    public static DocumentAddResult Stored(StoredDocument document) => new(document, null, false);

    public static DocumentAddResult Refused(string error, bool tooLarge = false) => new(null, error, tooLarge);
}
