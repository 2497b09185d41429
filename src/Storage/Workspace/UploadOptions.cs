using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Storage.Workspace;

/// <summary>Limits of <c>POST /api/documents</c>.</summary>
public sealed record UploadOptions : IValidatableObject
{
    /// <summary>The extensions accepted by default.</summary>
    public static readonly IReadOnlyList<string> DefaultExtensions =
        [".txt", ".md", ".markdown", ".csv", ".json", ".yaml", ".yml", ".pdf", ".docx"];

    /// <summary>UPLOAD_MAX_FILES: files per upload. Default 10, as the seed's job form.</summary>
    [ConfigurationKeyName("UPLOAD_MAX_FILES"), Range(1, 1000)]
    public int MaxFiles { get; init; } = 10;

    /// <summary>UPLOAD_MAX_FILE_BYTES: size of one file. Default 20 MiB, a long PDF.</summary>
    [ConfigurationKeyName("UPLOAD_MAX_FILE_BYTES"), Range(1, int.MaxValue)]
    public int MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// UPLOAD_ALLOWED_EXTENSIONS: comma-separated, with or without the dot, matched case-insensitively. Default
    /// .txt,.md,.markdown,.csv,.json,.yaml,.yml,.pdf,.docx: the text and office formats requirements come in.
    /// </summary>
    [ConfigurationKeyName("UPLOAD_ALLOWED_EXTENSIONS")]
    public string AllowedExtensionList { get; init; } = string.Join(',', DefaultExtensions);

    /// <summary>The parsed <see cref="AllowedExtensionList"/>.</summary>
    public IReadOnlySet<string> AllowedExtensions => ParseExtensions(AllowedExtensionList);

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? problem = null;
        try
        {
            ParseExtensions(AllowedExtensionList);
        }
        catch (ArgumentException e)
        {
            problem = $"UPLOAD_ALLOWED_EXTENSIONS='{AllowedExtensionList}' is not a list of extensions: {e.Message}";
        }
        if (problem is not null) yield return new ValidationResult(problem, [nameof(AllowedExtensionList)]);
    }
}
