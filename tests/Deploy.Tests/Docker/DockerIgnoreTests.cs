namespace Cockpit.Deploy.Tests.Docker;

/// <summary>The ignore-file matcher the Dockerfile checks rely on.</summary>
public sealed class DockerIgnoreTests
{
    private static readonly DockerIgnore AllowList = DockerIgnore.Parse("""
        *
        !src/
        !global.json
        **/bin/
        **/node_modules/
        src/GraphQL/GraphiQL/dist/
        """);

    [Theory]
    [InlineData("src", true)]
    [InlineData("src/Silo/Cockpit.Silo.csproj", true)]
    [InlineData("global.json", true)]
    [InlineData("README.md", false)]
    [InlineData("tests/Deploy.Tests/Cockpit.Deploy.Tests.csproj", false)]
    [InlineData("src/Silo/bin/Release/Cockpit.Silo.dll", false)]
    [InlineData("src/GraphQL/GraphiQL/node_modules/vite/package.json", false)]
    [InlineData("src/GraphQL/GraphiQL/dist/index.html", false)]
    [InlineData("src/GraphQL/GraphiQL/index.html", true)]
    public void Applies_rules_in_order_to_paths_and_their_parents(string path, bool included) =>
        AllowList.Includes(path).ShouldBe(included);
}
