using System.Xml.Linq;

namespace Cockpit.Deploy.Tests.Docker;

/// <summary>
/// The Dockerfiles cannot be built here (no Docker engine), so they are linted against the repository instead:
/// base images, user, ports, every COPY source present and inside the build context, the published project and
/// everything it references copied in, and the entrypoint naming the assembly that project builds.
/// </summary>
public sealed class DockerfileTests
{
    /// <summary>Each Dockerfile with the project it publishes and the ports its image exposes.</summary>
    private static readonly Dictionary<string, (string Project, int[] Ports)> Expected = new()
    {
        ["silo.Dockerfile"] = ("src/Silo/Cockpit.Silo.csproj", [8085, 11111, 30000]),
        ["agent.Dockerfile"] = ("src/Agent/Cockpit.Agent.csproj", [8001]),
    };

    public static TheoryData<string> Images => new(Expected.Keys);

    private static Dockerfile Load(string name) => Dockerfile.Parse(File.ReadAllText(Support.RepositoryPaths.Combine("deploy", "docker", name)));

    private static DockerIgnore Ignore(string name) => DockerIgnore.Parse(File.ReadAllText(Support.RepositoryPaths.Combine("deploy", "docker", name + ".dockerignore")));

    [Theory]
    [MemberData(nameof(Images))]
    public void Builds_in_the_sdk_and_runs_on_aspnet_10_with_tagged_images(string file)
    {
        var dockerfile = Load(file);
        dockerfile.Stages.Count.ShouldBeGreaterThanOrEqualTo(2, "multi-stage: build tools stay out of the runtime image");
        dockerfile.Stages.ShouldContain(s => s.BaseImage == "mcr.microsoft.com/dotnet/sdk:10.0");
        dockerfile.Final.BaseImage.ShouldBe("mcr.microsoft.com/dotnet/aspnet:10.0");
        foreach (var stage in dockerfile.Stages)
        {
            var tag = stage.BaseImage.Contains(':', StringComparison.Ordinal) ? stage.BaseImage[(stage.BaseImage.LastIndexOf(':') + 1)..] : "";
            tag.ShouldNotBeNullOrEmpty($"{stage.BaseImage} is not tagged");
            tag.ShouldNotBe("latest");
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Runs_as_a_numeric_non_root_user_and_exposes_its_ports(string file)
    {
        var final = Load(file).Final;
        var ports = Expected[file].Ports;
        var user = final.Last("USER").ShouldNotBeNull("the runtime stage sets no USER, so it runs as root").Arguments[0];
        var uid = user.Split(':')[0];
        int.TryParse(uid, out var number).ShouldBeTrue($"USER {user}: Kubernetes' runAsNonRoot can only verify a numeric user");
        number.ShouldBeGreaterThan(0);

        // The user must be the last word: nothing after it may switch back to root.
        final.Instructions.SkipWhile(i => i != final.Last("USER")).Skip(1).ShouldNotContain(i => i.Keyword == "USER" || i.Keyword == "RUN");
        final.All("EXPOSE").SelectMany(e => e.Arguments).Select(int.Parse).Order().ShouldBe(ports.Order());
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_copy_source_exists_in_the_repository_and_in_the_build_context(string file)
    {
        var dockerfile = Load(file);
        var ignore = Ignore(file);
        var stageNames = new List<string>();
        foreach (var stage in dockerfile.Stages)
        {
            foreach (var copy in stage.All("COPY").Concat(stage.All("ADD")))
            {
                if (copy.Flags.TryGetValue("from", out var from))
                {
                    stageNames.ShouldContain(from, $"{copy} copies from a stage that is not defined before it");
                    continue;
                }
                foreach (var source in copy.Arguments.Take(copy.Arguments.Count - 1))
                {
                    var path = Support.RepositoryPaths.Combine(source.TrimEnd('/'));
                    (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"{copy}: {source} is not in the repository");
                    ignore.Includes(source).ShouldBeTrue($"{copy}: {source} is left out of the build context by {file}.dockerignore");
                }
            }
            if (stage.Name is not null) stageNames.Add(stage.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_published_project_and_everything_it_references_are_copied_in(string file)
    {
        var project = Expected[file].Project;
        var dockerfile = Load(file);
        var ignore = Ignore(file);
        dockerfile.Instructions.ShouldContain(i => i.Keyword == "RUN" && i.Text.Contains($"dotnet publish {project}", StringComparison.Ordinal));

        var copied = dockerfile.Stages.Single(s => s.BaseImage.Contains("dotnet/sdk", StringComparison.Ordinal))
            .All("COPY").Where(c => !c.Flags.ContainsKey("from"))
            .SelectMany(c => c.Arguments.Take(c.Arguments.Count - 1)).ToList();
        foreach (var needed in ProjectClosure(project).Append("Directory.Packages.props").Append("Directory.Build.props").Append("global.json"))
        {
            copied.ShouldContain(source => needed == source.TrimEnd('/') || needed.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal),
                $"{file} does not copy {needed} into the build stage");
            ignore.Includes(needed).ShouldBeTrue($"{needed} is left out of the build context by {file}.dockerignore");
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_entrypoint_runs_the_assembly_the_project_builds(string file)
    {
        var project = Expected[file].Project;
        var csproj = XDocument.Load(Support.RepositoryPaths.Combine(project));
        var assembly = csproj.Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
        Load(file).Final.Last("ENTRYPOINT").ShouldNotBeNull().Arguments.ShouldBe(["dotnet", $"{assembly}.dll"]);
    }

    [Fact]
    public void The_silo_image_carries_graphiql_where_the_build_picks_it_up_and_the_agent_configs()
    {
        var dockerfile = Load("silo.Dockerfile");
        var graphQlProject = File.ReadAllText(Support.RepositoryPaths.Combine("src", "GraphQL", "Cockpit.GraphQL.csproj"));
        graphQlProject.ShouldContain("GraphiQL/dist/**", customMessage: "Cockpit.GraphQL.csproj no longer publishes GraphiQL/dist; update silo.Dockerfile");
        var build = dockerfile.Stages.Single(s => s.BaseImage.Contains("dotnet/sdk", StringComparison.Ordinal)).Instructions.ToList();
        var copyDist = build.Single(c => c.Keyword == "COPY" && c.Flags.GetValueOrDefault("from") == "graphiql");
        copyDist.Arguments[^1].ShouldBe("src/GraphQL/GraphiQL/dist/");
        build.IndexOf(copyDist).ShouldBeLessThan(build.FindIndex(i => i.Keyword == "RUN" && i.Text.Contains("dotnet publish", StringComparison.Ordinal)));

        var runtime = dockerfile.Final;
        runtime.Last("WORKDIR")!.Arguments[0].ShouldBe("/app");
        runtime.All("COPY").ShouldContain(c => c.Arguments.SequenceEqual(new[] { "config/", "./config/" }), "CONFIG_DIR defaults to config/ in the content root");
    }

    [Fact]
    public void The_silo_image_serves_the_cockpit_bundle_angular_writes_from_its_web_root()
    {
        // angular.json's one application: its outputPath (default dist/<project>), and the application builder's browser/.
        using var angular = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Support.RepositoryPaths.Combine("cockpit", "angular.json")));
        var project = angular.RootElement.GetProperty("projects").EnumerateObject().ShouldHaveSingleItem();
        var build = project.Value.GetProperty("architect").GetProperty("build");
        build.GetProperty("builder").GetString().ShouldBe("@angular/build:application");
        var outputPath = build.GetProperty("options").TryGetProperty("outputPath", out var configured) ? configured.GetString() : $"dist/{project.Name}";

        var dockerfile = Load("silo.Dockerfile");
        var cockpit = dockerfile.Stages.Single(s => s.Name == "cockpit");
        cockpit.All("RUN").ShouldContain(r => r.Text.Contains("npm run build", StringComparison.Ordinal), "npm run build runs the GraphQL codegen before ng build");
        var copy = dockerfile.Final.All("COPY").Single(c => c.Flags.GetValueOrDefault("from") == "cockpit");
        copy.Arguments.ShouldBe([$"/repo/cockpit/{outputPath}/browser/", "./wwwroot/"]);
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current)) continue;
            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Support.RepositoryPaths.Combine(current)).Descendants("ProjectReference"))
            {
                var path = Path.GetRelativePath(Support.RepositoryPaths.Root,
                    Path.GetFullPath(Path.Combine(Support.RepositoryPaths.Root, directory, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                pending.Push(path.Replace('\\', '/'));
            }
        }
        return seen;
    }
}
