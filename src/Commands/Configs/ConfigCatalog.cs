using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Cockpit.Commands.Configs;

/// <summary>
/// The named agent configurations in a config directory: <c>defaults.yaml</c>, <c>schema.json</c> and
/// <c>agents/&lt;name&gt;.yaml</c>. Each named file is merged onto the defaults (<see cref="JsonMerge"/>) and
/// validated against the schema with NJsonSchema. An edit shows at once without a restart: every call looks at the
/// files' sizes and modification times and reads them again when any changed, was added or removed. Reading them
/// costs far more than looking (YAML, a JSON Schema loaded and run per file), and job creation asks for a config's
/// budget every time, so unchanged files are not read again.
/// </summary>
/// <remarks>The configurations handed out are shared between callers: read them, never change them.</remarks>
public sealed partial class ConfigCatalog(string directory)
{
    public const string DefaultsFile = "defaults.yaml";
    public const string SchemaFile = "schema.json";
    public const string AgentsFolder = "agents";

    /// <summary>A config file larger than this is refused unread; real ones are a few hundred bytes.</summary>
    public const long MaxFileBytes = 256 * 1024;

    /// <summary>The config directory (absolute).</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    // The last reading and the stamp of the files it was made from. The stamp is taken before the files are read, so a
    // file changed during a reading leaves a stale stamp behind, and the next call reads again.
    private Reading? _last;

    /// <summary>Every named configuration, by name. An empty list when the directory has no <c>agents/</c> folder.</summary>
    public async Task<IReadOnlyList<AgentConfig>> ListAsync(CancellationToken cancellationToken = default)
    {
        var files = AgentFiles();
        var stamp = Stamp(files);
        if (Volatile.Read(ref _last) is { } last && last.Stamp == stamp) return last.Configs;
        var configs = await ReadAsync(files, cancellationToken);
        Volatile.Write(ref _last, new Reading(stamp, configs));
        return configs;
    }

    private List<string> AgentFiles()
    {
        var agents = Path.Combine(Directory, AgentsFolder);
        if (!System.IO.Directory.Exists(agents)) return [];
        return System.IO.Directory.EnumerateFiles(agents)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Name, size and modification time of every file a reading uses (a missing file stamps as missing).</summary>
    private string Stamp(List<string> agentFiles)
    {
        var stamp = new System.Text.StringBuilder();
        foreach (var path in agentFiles.Prepend(Path.Combine(Directory, SchemaFile)).Prepend(Path.Combine(Directory, DefaultsFile)))
        {
            var file = new FileInfo(path);
            stamp.Append(path).Append('|');
            if (file.Exists) stamp.Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks);
            stamp.Append('\n');
        }
        return stamp.ToString();
    }

    private async Task<IReadOnlyList<AgentConfig>> ReadAsync(List<string> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0) return [];

        var shared = await LoadSharedAsync(cancellationToken);
        var configs = new List<AgentConfig>(files.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!seen.Add(name))
            {
                configs.RemoveAll(c => c.Name == name);
                configs.Add(new AgentConfig(name, false, [$"{name}.yaml and {name}.yml both exist: keep one"], null));
                continue;
            }
            configs.Add(await LoadOneAsync(name, file, shared, cancellationToken));
        }
        return configs.OrderBy(c => c.Name, StringComparer.Ordinal).ToList().AsReadOnly();
    }

    /// <summary>The configuration named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public async Task<AgentConfig?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        // The name only ever selects among the files listed, so no path is built from it.
        return (await ListAsync(cancellationToken)).FirstOrDefault(c => c.Name == name);
    }

    /// <summary>True for names agents can use as <c>config_name</c>: letters, digits, '.', '_', '-', at most 100 characters.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ValidName();

    private async Task<AgentConfig> LoadOneAsync(string name, string file, SharedFiles shared, CancellationToken cancellationToken)
    {
        var errors = new List<string>(shared.Errors);
        if (!IsValidName(name)) errors.Add($"'{name}' is not a usable config name (letters, digits, '.', '_', '-'; at most 100)");

        JsonObject overlay;
        try
        {
            overlay = await ReadYamlObjectAsync(file, cancellationToken) ?? [];
        }
        catch (ConfigFormatException ex)
        {
            errors.Add($"{Path.GetFileName(file)}: {ex.Message}");
            return new AgentConfig(name, false, errors, null);
        }

        var settings = JsonMerge.Merge(shared.Defaults ?? [], overlay);
        if (shared.Schema is not null) errors.AddRange(Describe(shared.Schema.Validate(settings.ToJsonString())));
        return new AgentConfig(name, errors.Count == 0, errors, settings);
    }

    private async Task<SharedFiles> LoadSharedAsync(CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        JsonObject? defaults = null;
        var defaultsPath = Path.Combine(Directory, DefaultsFile);
        if (File.Exists(defaultsPath))
        {
            try
            {
                defaults = await ReadYamlObjectAsync(defaultsPath, cancellationToken);
            }
            catch (ConfigFormatException ex)
            {
                errors.Add($"{DefaultsFile}: {ex.Message}");
            }
        }

        JsonSchema? schema = null;
        var schemaPath = Path.Combine(Directory, SchemaFile);
        if (!File.Exists(schemaPath))
        {
            errors.Add($"{SchemaFile}: not found in {Directory}, so nothing can be validated");
        }
        else
        {
            try
            {
                schema = await JsonSchema.FromJsonAsync(await ReadTextAsync(schemaPath, cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or ConfigFormatException or InvalidOperationException)
            {
                errors.Add($"{SchemaFile}: not a usable JSON Schema: {ex.Message}");
            }
        }
        return new SharedFiles(defaults, schema, errors);
    }

    private static async Task<JsonObject?> ReadYamlObjectAsync(string path, CancellationToken cancellationToken)
    {
        var node = YamlToJson.Parse(await ReadTextAsync(path, cancellationToken));
        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw new ConfigFormatException("the top level must be a mapping of settings"),
        };
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes) throw new ConfigFormatException($"{length} bytes is larger than the {MaxFileBytes} allowed");
        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>"llm.temperature: number too big", with the errors inside oneOf/anyOf branches flattened.</summary>
    public static IEnumerable<string> Describe(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in child.Errors.SelectMany(e => Describe(e.Value))) yield return nested;
                continue;
            }
            var path = error.Path is null or "#" ? "(top level)" : error.Path.TrimStart('#', '/');
            yield return $"{path}: {Humanize(error.Kind.ToString())}";
        }
    }

    private static string Humanize(string kind) =>
        string.Concat(kind.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private sealed record SharedFiles(JsonObject? Defaults, JsonSchema? Schema, IReadOnlyList<string> Errors);

    private sealed record Reading(string Stamp, IReadOnlyList<AgentConfig> Configs);
}
