using Cockpit.Commands.Configs;

namespace Cockpit.Commands.Tests.Configs;

/// <summary>
/// The catalog reads its files again only when one changed (job creation asks it for a config's budget every time),
/// and an edit still shows at the next call. Modification times are set explicitly, so a change never hides in the
/// file system's timestamp granularity.
/// </summary>
public sealed class ConfigCatalogReadingTests : IDisposable
{
    private static readonly DateTime Earlier = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cockpit-config-" + Guid.NewGuid().ToString("N"));

    public ConfigCatalogReadingTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, ConfigCatalog.AgentsFolder));
        Write(ConfigCatalog.SchemaFile, """{ "type": "object", "properties": { "model": { "type": "string" } } }""");
        Write(ConfigCatalog.DefaultsFile, "model: small\n");
        Write(Path.Combine(ConfigCatalog.AgentsFolder, "writer.yaml"), "temperature: 1\n");
    }

    [Fact]
    public async Task Unchanged_files_are_not_read_again()
    {
        var catalog = new ConfigCatalog(_directory);

        var first = await catalog.ListAsync();
        var second = await catalog.ListAsync();

        first.Single().Settings!["model"]!.GetValue<string>().ShouldBe("small");
        second.ShouldBeSameAs(first);
    }

    [Fact]
    public async Task An_edited_config_shows_at_the_next_call()
    {
        var catalog = new ConfigCatalog(_directory);
        (await catalog.FindAsync("writer"))!.Settings!["temperature"]!.GetValue<long>().ShouldBe(1);

        // Same size, later time.
        Write(Path.Combine(ConfigCatalog.AgentsFolder, "writer.yaml"), "temperature: 2\n", Earlier.AddMinutes(1));

        (await catalog.FindAsync("writer"))!.Settings!["temperature"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task An_edited_defaults_file_shows_in_every_config()
    {
        var catalog = new ConfigCatalog(_directory);
        await catalog.ListAsync();

        // Same time, other size.
        Write(ConfigCatalog.DefaultsFile, "model: larger\n");

        (await catalog.FindAsync("writer"))!.Settings!["model"]!.GetValue<string>().ShouldBe("larger");
    }

    [Fact]
    public async Task A_schema_edited_to_refuse_a_config_makes_it_invalid()
    {
        var catalog = new ConfigCatalog(_directory);
        (await catalog.FindAsync("writer"))!.Valid.ShouldBeTrue();

        Write(ConfigCatalog.SchemaFile, """{ "type": "object", "properties": { "temperature": { "type": "string" } } }""");

        var writer = (await catalog.FindAsync("writer"))!;
        writer.Valid.ShouldBeFalse();
        writer.Errors.ShouldContain(e => e.StartsWith("temperature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Added_and_removed_configs_show_at_the_next_call()
    {
        var catalog = new ConfigCatalog(_directory);
        (await catalog.ListAsync()).Select(c => c.Name).ShouldBe(["writer"]);

        Write(Path.Combine(ConfigCatalog.AgentsFolder, "reader.yaml"), "temperature: 1\n");
        (await catalog.ListAsync()).Select(c => c.Name).ShouldBe(["reader", "writer"]);

        File.Delete(Path.Combine(_directory, ConfigCatalog.AgentsFolder, "writer.yaml"));
        (await catalog.ListAsync()).Select(c => c.Name).ShouldBe(["reader"]);
    }

    private void Write(string relativePath, string text, DateTime? modified = null)
    {
        var path = Path.Combine(_directory, relativePath);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, modified ?? Earlier);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
