// Namespace CockpitUi, not Cockpit: a namespace Cockpit.Silo.Cockpit would shadow the root namespace Cockpit inside Cockpit.Silo.
namespace Cockpit.Silo.CockpitUi;

/// <summary>Where the built cockpit (the Angular app) is served from.</summary>
public sealed class CockpitUiOptions
{
    /// <summary>The folder of Angular's build output inside the repository, relative to the repository root.</summary>
    public const string RepositoryDistPath = "cockpit/dist/cockpit/browser";

    /// <summary>The folder name a published silo may carry the app under, next to its assemblies.</summary>
    public const string PublishedFolderName = "cockpit-ui";

    /// <summary>
    /// COCKPIT_UI_PATH: the folder holding the built app's index.html. Default (empty): <c>cockpit-ui/</c> next to the
    /// silo's assemblies if it exists, else <c>cockpit/dist/cockpit/browser</c> in the first parent folder of the
    /// working directory or of the silo's assemblies that has it (a repository checkout after scripts/build-cockpit.sh).
    /// </summary>
    [ConfigurationKeyName("COCKPIT_UI_PATH")]
    public string? DistPath { get; set; }

    /// <summary>
    /// First path segments that belong to the server, never to the app: unknown paths under them get a 404 instead of
    /// the app's index.html.
    /// </summary>
    public static IReadOnlyList<string> ServerPrefixes { get; } = ["api", "graphql", "graphiql", "health", "mcp", "metrics", "openapi", "swagger"];
}
