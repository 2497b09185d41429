namespace Cockpit.TestSupport;

/// <summary>
/// The node projects the tests drive (npm clients run as processes): installs a folder's packages on first use when
/// they are missing. `npm install` with the checked-in lockfile, not `npm ci`, which fails on this registry copy.
/// </summary>
public static class NpmPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Runs <c>npm install</c> in <paramref name="directory"/> unless <c>node_modules/&lt;marker&gt;</c> is there already.</summary>
    /// <param name="markerPackage">A package the folder depends on, e.g. <c>graphql-ws</c> or <c>@modelcontextprotocol/sdk</c>.</param>
    public static async Task EnsureInstalledAsync(string directory, string markerPackage)
    {
        await Gate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(directory, "node_modules", markerPackage))) return;
            var result = await ProcessRunner.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], directory, TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm install in {directory} failed ({result.ExitCode}): {result.StandardError}");
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
