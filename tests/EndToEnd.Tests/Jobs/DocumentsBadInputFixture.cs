using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Jobs;

/// <summary>One silo with a small per-file upload limit (2 MiB, above the 1 MiB body limit of other endpoints).</summary>
public sealed class DocumentsBadInputFixture : IAsyncLifetime
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    private SystemUnderTest? _system;

    public SiloProcess Silo { get; private set; } = null!;

    public string WorkspaceRoot => _system!.WorkspaceRoot;

    public string UploadsDirectory => Path.Combine(WorkspaceRoot, "uploads");

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        Silo = await _system.StartSiloAsync(new Dictionary<string, string> { ["UPLOAD_MAX_FILE_BYTES"] = MaxFileBytes.ToString() });
    }

    /// <summary>Everything under uploads/ (sets and their files, and staging), sorted: equal before and after means nothing was stored.</summary>
    public string[] Stored() =>
        Directory.Exists(UploadsDirectory)
            ? [.. Directory.GetFileSystemEntries(UploadsDirectory, "*", SearchOption.AllDirectories)
                .Where(e => e != Path.Combine(UploadsDirectory, ".staging")) // the (empty) staging directory itself stays
                .Order(StringComparer.Ordinal)]
            : [];

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}
