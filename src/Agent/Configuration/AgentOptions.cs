using Cockpit.Protocol;
using Cockpit.Protocol.Paths;

namespace Cockpit.Agent.Configuration;

/// <summary>
/// Everything the agent pod can be told. <see cref="FromEnvironment(Func{string, string?})"/> maps the environment
/// variables onto it; the defaults below are what an unconfigured local agent uses.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>ORCHESTRATOR_URL. Default <c>http://localhost:8085</c>.</summary>
    public Uri OrchestratorUrl { get; set; } = new("http://localhost:8085");

    /// <summary>
    /// POD_IP: the address the orchestrator pushes job commands to. Default: the bind address, or, when binding to
    /// all interfaces, the first non-loopback IPv4 address (127.0.0.1 if there is none). See <see cref="PodAddressResolver"/>.
    /// </summary>
    public string? PodIp { get; set; }

    /// <summary>AGENT_PORT: the port Kestrel listens on and the agent registers. Default 8001.</summary>
    public int Port { get; set; } = ProtocolPaths.DefaultAgentPort;

    /// <summary>AGENT_BIND_ADDRESS: an IP address or <c>localhost</c>. Default <c>0.0.0.0</c> (all IPv4 interfaces).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>CONFIG_NAME. Default <c>default</c>.</summary>
    public string ConfigName { get; set; } = "default";

    /// <summary>
    /// AGENT_HOSTNAME. Default: the machine's host name. The orchestrator maps one hostname to one agent id, so
    /// several agents on one machine need distinct names.
    /// </summary>
    public string Hostname { get; set; } = Environment.MachineName;

    /// <summary>
    /// AGENT_LABELS (<c>gpu=true,region=eu</c>), sent as <c>labels</c> on registration; jobs with a <c>selector</c> go
    /// only to agents whose labels contain every pair. Default: none. See <see cref="AgentLabelsParser"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

    /// <summary>WORKSPACE_ROOT: where <c>job_&lt;id&gt;/</c> directories go. Default <c>./workspace</c>.</summary>
    public string WorkspaceRoot { get; set; } = "./workspace";

    /// <summary>
    /// DOCUMENT_ROOTS: directories separated by ':' that a job's document_path and document_dir must resolve into
    /// (symbolic links and '..' followed) before the agent reads them; anything else fails the job with the reason.
    /// Default: unset, meaning <see cref="WorkspaceRoot"/> (where the orchestrator puts uploaded documents). Give the
    /// silos the same list: they refuse such jobs when they are created.
    /// </summary>
    public string? DocumentRoots { get; set; }

    /// <summary>The parsed <see cref="DocumentRoots"/>, <see cref="WorkspaceRoot"/> when unset.</summary>
    /// <exception cref="FormatException">The setting names no directory.</exception>
    public DocumentRoots ReadableDocumentRoots() => Cockpit.Protocol.Paths.DocumentRoots.Parse(DocumentRoots, WorkspaceRoot);

    /// <summary>AGENT_WORK_DELAY_MS: a pause per processed requirement so people can watch progress. Default 300 ms.</summary>
    public TimeSpan WorkDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>LLM_BASE_URL, e.g. <c>https://api.openai.com/v1</c>. Optional; the LLM workload needs it and an API key.</summary>
    public Uri? LlmBaseUrl { get; set; }

    /// <summary>OPENAI_API_KEY. Optional.</summary>
    public string? OpenAiApiKey { get; set; }

    /// <summary>LLM_MODEL. Default <c>gpt-4o-mini</c>.</summary>
    public string LlmModel { get; set; } = "gpt-4o-mini";

    /// <summary>
    /// LLM_ATTEMPTS_PER_CHUNK: how often one chunk is asked, the same request each time, while the answer holds no
    /// usable JSON array; then the job fails. Default 3 (a model at temperature 0 that answered badly twice rarely
    /// recovers), 1 to 100. A high value makes the agent loop on a broken model, as the loop tests need.
    /// </summary>
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
    public string? RegistrationToken { get; set; }

    /// <summary>True when both LLM_BASE_URL and OPENAI_API_KEY are set: the agent then asks an LLM instead of matching keywords.</summary>
    public bool LlmEnabled => LlmBaseUrl is not null && !string.IsNullOrWhiteSpace(OpenAiApiKey);

    /// <summary>Reads the process environment.</summary>
    public static AgentOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Maps environment variables onto the defaults; throws <see cref="AgentConfigurationException"/> naming a bad variable.</summary>
    public static AgentOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name) => getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var options = new AgentOptions();
        if (Get("ORCHESTRATOR_URL") is { } orchestrator) options.OrchestratorUrl = ParseHttpUri("ORCHESTRATOR_URL", orchestrator);
        options.PodIp = Get("POD_IP");
        if (Get("AGENT_PORT") is { } port) options.Port = ParseInt("AGENT_PORT", port, min: 1, max: 65535);
        if (Get("AGENT_BIND_ADDRESS") is { } bind) options.BindAddress = ParseBindAddress(bind);
        if (Get("CONFIG_NAME") is { } config) options.ConfigName = config;
        if (Get("AGENT_HOSTNAME") is { } host) options.Hostname = host;
        options.Labels = AgentLabelsParser.Parse(Get(AgentLabelsParser.Variable));
        if (Get("WORKSPACE_ROOT") is { } root) options.WorkspaceRoot = root;
        options.DocumentRoots = Get(Cockpit.Protocol.Paths.DocumentRoots.SettingName);
        if (!Cockpit.Protocol.Paths.DocumentRoots.TryParse(options.DocumentRoots, [options.WorkspaceRoot], out _, out var rootsError))
            throw new AgentConfigurationException(rootsError!);
        if (Get("AGENT_WORK_DELAY_MS") is { } delay)
            options.WorkDelay = TimeSpan.FromMilliseconds(ParseInt("AGENT_WORK_DELAY_MS", delay, min: 0, max: int.MaxValue));
        if (Get("LLM_BASE_URL") is { } llm) options.LlmBaseUrl = ParseHttpUri("LLM_BASE_URL", llm);
        options.OpenAiApiKey = Get("OPENAI_API_KEY");
        if (Get("LLM_MODEL") is { } model) options.LlmModel = model;
        if (Get("LLM_ATTEMPTS_PER_CHUNK") is { } attempts) options.LlmAttemptsPerChunk = ParseInt("LLM_ATTEMPTS_PER_CHUNK", attempts, min: 1, max: 100);
        options.RegistrationToken = Get("AGENT_REGISTRATION_TOKEN");
        return options;
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
        && parsed >= min && parsed <= max
            ? parsed
            : throw new AgentConfigurationException($"{name}='{value}' is not a whole number between {min} and {max}.");

    private static string ParseBindAddress(string value) =>
        PodAddressResolver.IsWildcard(value) || value.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || System.Net.IPAddress.TryParse(value.Trim('[', ']'), out _)
            ? value
            : throw new AgentConfigurationException($"AGENT_BIND_ADDRESS='{value}' is neither an IP address nor 'localhost'.");

    private static Uri ParseHttpUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new AgentConfigurationException($"{name}='{value}' is not an absolute http(s) URL.");
}
