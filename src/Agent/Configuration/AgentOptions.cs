using System.ComponentModel.DataAnnotations;
using Cockpit.Protocol;
using Cockpit.Protocol.Paths;
using Cockpit.Settings;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Agent.Configuration;

/// <summary>
/// Everything the agent pod can be told, declared as every Cockpit setting is (docs/adr/0021): the key on the property,
/// the default as its initial value, the range beside it, other rules in <see cref="Validate"/>.
/// <see cref="FromEnvironment()"/> binds it from the environment variables; the defaults below are what an unconfigured
/// local agent uses.
/// </summary>
public sealed class AgentOptions : IValidatableObject
{
    // The agent's own phrasing for a number out of range, kept since its tests and users know it.
    private const string WholeNumberBetween = "{0}='{3}' is not a whole number between {1} and {2}.";

    /// <summary>ORCHESTRATOR_URL: where the agent registers and heartbeats. Default <c>http://localhost:8085</c>, a silo on this machine.</summary>
    [ConfigurationKeyName("ORCHESTRATOR_URL")]
    public Uri OrchestratorUrl { get; set; } = new("http://localhost:8085");

    /// <summary>
    /// POD_IP: the address the orchestrator pushes job commands to. Default: the bind address, or, when binding to
    /// all interfaces, the first non-loopback IPv4 address (127.0.0.1 if there is none). See <see cref="PodAddressResolver"/>.
    /// </summary>
    [ConfigurationKeyName("POD_IP")]
    public string? PodIp { get; set; }

    /// <summary>AGENT_PORT: the port Kestrel listens on and the agent registers. Default 8001, the seed's.</summary>
    [ConfigurationKeyName("AGENT_PORT"), Range(1, 65535, ErrorMessage = WholeNumberBetween)]
    public int Port { get; set; } = ProtocolPaths.DefaultAgentPort;

    /// <summary>AGENT_BIND_ADDRESS: an IP address or <c>localhost</c>. Default <c>0.0.0.0</c> (all IPv4 interfaces), since the orchestrator calls in.</summary>
    [ConfigurationKeyName("AGENT_BIND_ADDRESS")]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>CONFIG_NAME: the named agent config this agent runs. Default <c>default</c>, the seed's.</summary>
    [ConfigurationKeyName("CONFIG_NAME")]
    public string ConfigName { get; set; } = "default";

    /// <summary>
    /// AGENT_HOSTNAME. Default: the machine's host name. The orchestrator maps one hostname to one agent id, so
    /// several agents on one machine need distinct names.
    /// </summary>
    [ConfigurationKeyName("AGENT_HOSTNAME")]
    public string Hostname { get; set; } = Environment.MachineName;

    /// <summary>
    /// AGENT_LABELS (<c>gpu=true,region=eu</c>), sent as <c>labels</c> on registration; jobs with a <c>selector</c> go
    /// only to agents whose labels contain every pair. Default: none. See <see cref="AgentLabelsParser"/>.
    /// </summary>
    [ConfigurationKeyName(AgentLabelsParser.Variable)]
    public string? LabelList { get; set; }

    /// <summary>The labels registered: <see cref="LabelList"/> parsed by <see cref="FromEnvironment()"/>, or set directly.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

    /// <summary>WORKSPACE_ROOT: where <c>job_&lt;id&gt;/</c> directories go. Default <c>./workspace</c>, as the silo's.</summary>
    [ConfigurationKeyName("WORKSPACE_ROOT")]
    public string WorkspaceRoot { get; set; } = "./workspace";

    /// <summary>
    /// DOCUMENT_ROOTS: directories separated by ':' that a job's document_path and document_dir must resolve into
    /// (symbolic links and '..' followed) before the agent reads them; anything else fails the job with the reason.
    /// Default: unset, meaning <see cref="WorkspaceRoot"/> (where the orchestrator puts uploaded documents). Give the
    /// silos the same list: they refuse such jobs when they are created.
    /// </summary>
    [ConfigurationKeyName(Cockpit.Protocol.Paths.DocumentRoots.SettingName)]
    public string? DocumentRoots { get; set; }

    /// <summary>The parsed <see cref="DocumentRoots"/>, <see cref="WorkspaceRoot"/> when unset.</summary>
    /// <exception cref="FormatException">The setting names no directory.</exception>
    public DocumentRoots ReadableDocumentRoots() => Cockpit.Protocol.Paths.DocumentRoots.Parse(DocumentRoots, WorkspaceRoot);

    /// <summary>A pause per processed requirement so people can watch progress. Default 300 ms: a demo job of a dozen requirements takes seconds.</summary>
    public TimeSpan WorkDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>AGENT_WORK_DELAY_MS: <see cref="WorkDelay"/> in milliseconds, under the name it always had.</summary>
    [ConfigurationKeyName("AGENT_WORK_DELAY_MS"), Range(0, int.MaxValue, ErrorMessage = WholeNumberBetween)]
    public int WorkDelayMilliseconds
    {
        get => (int)WorkDelay.TotalMilliseconds;
        set => WorkDelay = TimeSpan.FromMilliseconds(value);
    }

    /// <summary>LLM_BASE_URL, e.g. <c>https://api.openai.com/v1</c>. Default: unset; the LLM workload needs it and an API key.</summary>
    [ConfigurationKeyName("LLM_BASE_URL")]
    public Uri? LlmBaseUrl { get; set; }

    /// <summary>OPENAI_API_KEY: the LLM provider's key. Default: unset (no LLM, the keyword workload).</summary>
    [ConfigurationKeyName("OPENAI_API_KEY")]
    public string? OpenAiApiKey { get; set; }

    /// <summary>LLM_MODEL. Default <c>gpt-4o-mini</c>, a cheap model that follows the JSON instructions.</summary>
    [ConfigurationKeyName("LLM_MODEL")]
    public string LlmModel { get; set; } = "gpt-4o-mini";

    /// <summary>
    /// LLM_ATTEMPTS_PER_CHUNK: how often one chunk is asked, the same request each time, while the answer holds no
    /// usable JSON array; then the job fails. Default 3 (a model at temperature 0 that answered badly twice rarely
    /// recovers), 1 to 100. A high value makes the agent loop on a broken model, as the loop tests need.
    /// </summary>
    [ConfigurationKeyName("LLM_ATTEMPTS_PER_CHUNK"), Range(1, 100, ErrorMessage = WholeNumberBetween)]
    public int LlmAttemptsPerChunk { get; set; } = 3;

    /// <summary>Characters of document text per chat-completions call. Default 6000 (not read from the environment).</summary>
    public int LlmChunkCharacters { get; set; } = 6000;

    /// <summary>First pause between failed registration attempts; doubles up to <see cref="RegisterRetryMaxDelay"/>. Default 1 s.</summary>
    public TimeSpan RegisterRetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest pause between registration attempts. Default 30 s.</summary>
    public TimeSpan RegisterRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest gap between two heartbeats sent only because progress moved. Default 2 s.</summary>
    public TimeSpan ProgressHeartbeatMinInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of each call to the orchestrator. Default 10 s.</summary>
    public TimeSpan OrchestratorRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of each chat-completions call. Default 120 s.</summary>
    public TimeSpan LlmRequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// AGENT_REGISTRATION_TOKEN: the orchestrator's registration secret, sent as <c>Authorization: Bearer</c> when
    /// registering; the <c>agent_token</c> the answer carries then goes with every heartbeat, deregistration and telemetry
    /// batch. Default: unset (an orchestrator without the setting needs none).
    /// </summary>
    [ConfigurationKeyName("AGENT_REGISTRATION_TOKEN"), SecretSetting]
    public string? RegistrationToken { get; set; }

    /// <summary>True when both LLM_BASE_URL and OPENAI_API_KEY are set: the agent then asks an LLM instead of matching keywords.</summary>
    public bool LlmEnabled => LlmBaseUrl is not null && !string.IsNullOrWhiteSpace(OpenAiApiKey);

    /// <summary>Reads the process environment.</summary>
    /// <exception cref="AgentConfigurationException">A variable has a bad value; the message starts with its name.</exception>
    public static AgentOptions FromEnvironment() => FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>Reads the variables <paramref name="getVariable"/> gives (tests pass a dictionary's lookup).</summary>
    /// <exception cref="AgentConfigurationException">A variable has a bad value; the message starts with its name.</exception>
    public static AgentOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(SettingBinder.KeysOf<AgentOptions>().Select(key => KeyValuePair.Create(key, getVariable(key))))
            .Build());
    }

    private static AgentOptions FromConfiguration(IConfiguration configuration)
    {
        try
        {
            var options = SettingBinder.Read<AgentOptions>(configuration);
            options.Labels = AgentLabelsParser.Parse(options.LabelList);
            return options;
        }
        catch (SettingException e)
        {
            throw new AgentConfigurationException(e.Message, e);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsHttp(OrchestratorUrl)) yield return Invalid($"ORCHESTRATOR_URL='{OrchestratorUrl.OriginalString}' is not an absolute http(s) URL.");
        if (LlmBaseUrl is not null && !IsHttp(LlmBaseUrl)) yield return Invalid($"LLM_BASE_URL='{LlmBaseUrl.OriginalString}' is not an absolute http(s) URL.");
        if (!(PodAddressResolver.IsWildcard(BindAddress) || BindAddress.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || System.Net.IPAddress.TryParse(BindAddress.Trim('[', ']'), out _)))
        {
            yield return Invalid($"AGENT_BIND_ADDRESS='{BindAddress}' is neither an IP address nor 'localhost'.");
        }
        if (LabelProblem() is { } labels) yield return Invalid(labels);
        if (!Cockpit.Protocol.Paths.DocumentRoots.TryParse(DocumentRoots, [WorkspaceRoot], out _, out var rootsError)) yield return Invalid(rootsError!);
    }

    private string? LabelProblem()
    {
        try
        {
            AgentLabelsParser.Parse(LabelList);
            return null;
        }
        catch (AgentConfigurationException e)
        {
            return e.Message;
        }
    }

    private static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ValidationResult Invalid(string message) => new(message);
}
