using Cockpit.TestSupport;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Deploy.Tests.Support;

/// <summary>
/// Runs tests/Deploy.Tests/validate/validate.mjs: parses YAML streams and checks every object against the Kubernetes
/// schemas of the npm package kubernetes-models, refusing unknown fields. Installs the folder's packages on first use
/// (`npm install` with the committed lockfile; `npm ci` fails on this registry copy).
/// </summary>
public static class ManifestValidator
{
    public static async Task EnsureInstalledAsync()
    {
        var modules = Path.Combine(RepositoryPaths.Validator, "node_modules");
        var marker = Path.Combine(modules, ".package-lock.json");
        var lockFile = Path.Combine(RepositoryPaths.Validator, "package-lock.json");
        if (File.Exists(Path.Combine(modules, "kubernetes-models", "package.json"))
            && File.Exists(Path.Combine(modules, "yaml", "package.json"))
            && File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }
        await ProcessRunner.RunCheckedAsync(
            "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], RepositoryPaths.Validator, TimeSpan.FromMinutes(4));
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow);
    }

    /// <summary>Every object of the given YAML files, each with its schema problems.</summary>
    public static async Task<IReadOnlyList<KubeObject>> ValidateAsync(IEnumerable<string> files)
    {
        var result = await ProcessRunner.RunCheckedAsync("node", ["validate.mjs", .. files], RepositoryPaths.Validator, TimeSpan.FromMinutes(1));
        var root = JsonNode.Parse(result.StandardOutput)?.AsObject()
            ?? throw new InvalidOperationException($"validate.mjs printed no JSON: {result.Describe()}");
        return root["documents"]!.AsArray().Select(Read).ToList();
    }

    private static KubeObject Read(JsonNode? node)
    {
        var document = node!.AsObject();
        string? Text(string key) => document[key]?.GetValueKind() == JsonValueKind.String ? document[key]!.GetValue<string>() : null;
        return new KubeObject(
            Text("file")!,
            document["index"]!.GetValue<int>(),
            Text("apiVersion"),
            Text("kind"),
            Text("name"),
            Text("namespace"),
            document["object"]!.AsObject(),
            document["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList());
    }
}
