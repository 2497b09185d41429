using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Cockpit.DemoLlm;

/// <summary>What the demo LLM listens on and how slow it is. Bad values stop it at start with the key named.</summary>
public sealed class DemoLlmOptions : IValidatableObject
{
    /// <summary>DEMO_LLM_PORT. Default 8090, beside the silo's 8085 and the reference agents' 8001….</summary>
    [ConfigurationKeyName("DEMO_LLM_PORT"), Range(1, 65535)]
    public int Port { get; set; } = 8090;

    /// <summary>DEMO_LLM_BIND: the address to bind. Default 127.0.0.1: the demo serves agents on this machine only.</summary>
    [ConfigurationKeyName("DEMO_LLM_BIND")]
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>
    /// DEMO_LLM_DELAY_MS: how long each call takes, 0 to 600000 milliseconds. Default 800 ms, about what a small hosted
    /// model needs for a short answer: slow enough that a person sees a job's calls arrive one by one, fast enough for a demo.
    /// </summary>
    [ConfigurationKeyName("DEMO_LLM_DELAY_MS"), Range(0, 600_000)]
    public int DelayMilliseconds { get; set; } = 800;

    public IPAddress BindAddress => IPAddress.Parse(Bind);

    public TimeSpan Delay => TimeSpan.FromMilliseconds(DelayMilliseconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Bind, out _)) yield return new ValidationResult($"DEMO_LLM_BIND='{Bind}' is not an IP address.", [nameof(Bind)]);
    }
}
