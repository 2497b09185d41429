namespace Cockpit.Storage.Workspace;

/// <summary>Limits of <c>POST /api/documents</c>.</summary>
public sealed record UploadOptions
{
    /// <summary>The extensions accepted by default.</summary>
    public static readonly IReadOnlyList<string> DefaultExtensions =
        [".txt", ".md", ".markdown", ".csv", ".json", ".yaml", ".yml", ".pdf", ".docx"];

    /// <summary>UPLOAD_MAX_FILES: files per upload. Default 10, as the seed's job form.</summary>
    public int MaxFiles { get; init; } = 10;

    /// <summary>UPLOAD_MAX_FILE_BYTES: size of one file. Default 20 MiB.</summary>
    public int MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// UPLOAD_ALLOWED_EXTENSIONS: comma-separated, with or without the dot, matched case-insensitively.
    /// Default .txt,.md,.markdown,.csv,.json,.yaml,.yml,.pdf,.docx.
    /// </summary>
    public IReadOnlySet<string> AllowedExtensions { get; init; } = ParseExtensions(string.Join(',', DefaultExtensions));

    /// <summary>
    /// The request body limit of the upload endpoint: every file at its largest plus room for the multipart framing
    /// (part headers are capped at 16 KiB each by the reader).
    /// </summary>
    public long MaxRequestBytes => (long)MaxFiles * MaxFileBytes + (MaxFiles + 1) * 16L * 1024 + 64 * 1024;

    public bool IsAllowedExtension(string extension) => AllowedExtensions.Contains(extension);

    /// <summary>"md, .TXT ,pdf" → {".md", ".txt", ".pdf"}.</summary>
    public static IReadOnlySet<string> ParseExtensions(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var extension = item.StartsWith('.') ? item : "." + item;
            if (extension.Length < 2 || extension.IndexOfAny(['/', '\\', ':', '*', '?']) >= 0 || extension.LastIndexOf('.') != 0)
            {
                throw new ArgumentException($"'{item}' is not a file extension", nameof(list));
            }
            set.Add(extension.ToLowerInvariant());
        }
        return set;
    }
}
