using Cockpit.TestSupport;
using Cockpit.Deploy.Tests.Kubernetes;

namespace Cockpit.Deploy.Tests.Support;

/// <summary>
/// Once per test run: fetches kubectl and installs the validator's npm packages (in parallel; cached under
/// deploy/.tools/ and validate/node_modules/ for later runs), renders every overlay with `kubectl kustomize`, and
/// validates the renders and the Secret templates in one node run.
/// </summary>
public sealed class DeployFixture : IAsyncLifetime
{
    /// <summary>Every overlay under deploy/k3s/overlays; a test checks this list is complete.</summary>
    public static readonly string[] OverlayNames = ["dev", "production", "mongodb", "neo4j", "autoscale"];

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"cockpit-deploy-tests-{Guid.NewGuid():N}");
    private readonly Dictionary<string, Manifests> _overlays = [];

    public string Kubectl { get; private set; } = "";

    /// <summary>The Secret templates (*.example.yaml and the in-cluster PostgreSQL's placeholder Secret), as written.</summary>
    public Manifests Templates { get; private set; } = new("templates", []);

    public Manifests Overlay(string name) => _overlays[name];

    public static IEnumerable<string> TemplateFiles =>
        Directory.EnumerateFiles(RepositoryPaths.K3s, "*.example.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch);
        var kubectl = KubectlTool.EnsureAsync();
        await Task.WhenAll(kubectl, ManifestValidator.EnsureInstalledAsync());
        Kubectl = await kubectl;

        var renders = await Task.WhenAll(OverlayNames.Select(RenderAsync));
        var templateFiles = TemplateFiles.ToList();
        var objects = await ManifestValidator.ValidateAsync([.. renders, .. templateFiles]);
        foreach (var (name, file) in OverlayNames.Zip(renders))
        {
            _overlays[name] = new Manifests(name, objects.Where(o => o.Source == file).ToList());
        }
        Templates = new Manifests("templates", objects.Where(o => templateFiles.Contains(o.Source)).ToList());
    }

    /// <summary>`kubectl kustomize` of one overlay into a scratch file.</summary>
    public async Task<string> RenderAsync(string overlay)
    {
        var result = await ProcessRunner.RunCheckedAsync(
            Kubectl, ["kustomize", Path.Combine(RepositoryPaths.K3s, "overlays", overlay)], RepositoryPaths.Root, TimeSpan.FromMinutes(1));
        var file = Path.Combine(_scratch, $"{overlay}.yaml");
        await File.WriteAllTextAsync(file, result.StandardOutput);
        return file;
    }

    public string ScratchFile(string name) => Path.Combine(_scratch, name);

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }
}
