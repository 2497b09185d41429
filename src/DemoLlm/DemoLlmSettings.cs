using System.Globalization;
using System.Net;

namespace Cockpit.DemoLlm;

/// <summary>What the demo LLM listens on and how slow it is. Bad values stop it at start with the key named.</summary>
public sealed record DemoLlmSettings
{
    /// <summary>DEMO_LLM_PORT. Default 8090, beside the silo's 8085 and the reference agents' 8001….</summary>
    public int Port { get; init; } = 8090;

    /// <summary>DEMO_LLM_BIND: the address to bind. Default 127.0.0.1: the demo serves agents on this machine only.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// DEMO_LLM_DELAY_MS: how long each call takes, 0 to 600000. Default 800 ms, about what a small hosted model needs
    /// for a short answer: slow enough that a person sees a job's calls arrive one by one, fast enough for a demo.
    /// </summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(800);

    public static DemoLlmSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new DemoLlmSettings();
        var bind = config["DEMO_LLM_BIND"];
        if (!string.IsNullOrWhiteSpace(bind) && !IPAddress.TryParse(bind.Trim(), out _))
            throw new InvalidOperationException($"Setting DEMO_LLM_BIND='{bind}' is not an IP address.");
        return new DemoLlmSettings
        {
            Port = Number(config, "DEMO_LLM_PORT", defaults.Port, 1, 65535),
            BindAddress = string.IsNullOrWhiteSpace(bind) ? defaults.BindAddress : IPAddress.Parse(bind.Trim()),
            Delay = TimeSpan.FromMilliseconds(Number(config, "DEMO_LLM_DELAY_MS", (int)defaults.Delay.TotalMilliseconds, 0, 600_000)),
        };
    }

    private static int Number(IConfiguration config, string key, int fallback, int min, int max)
    {
        var raw = config[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        return int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Setting {key}='{raw}' is not a whole number between {min} and {max}.");
    }
}
