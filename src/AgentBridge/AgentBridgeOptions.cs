using System.ComponentModel.DataAnnotations;
using Cockpit.AgentBridge.Networks;
using Cockpit.Settings;
using Microsoft.Extensions.Configuration;

namespace Cockpit.AgentBridge;

/// <summary>
/// Settings of the agent wire protocol, bound from the flat <c>.env</c>-style keys named on each property.
/// Checked at start (see <see cref="Validate"/>): a bad value stops the silo with a message naming the key.
/// </summary>
public sealed class AgentBridgeOptions : IValidatableObject
{
    /// <summary>
    /// AGENT_ALLOWED_NETWORKS: CIDR blocks (comma or space separated, IPv4 and IPv6) that job commands may be pushed to.
    /// Default: <see cref="Networks.AllowedNetworks.DefaultList"/>, loopback plus the private ranges, where pods live.
    /// Unset or empty means the default. Link-local, unspecified and multicast addresses are refused whatever this says.
    /// </summary>
    [ConfigurationKeyName("AGENT_ALLOWED_NETWORKS")]
    public string? AllowedNetworks { get; set; } = Networks.AllowedNetworks.DefaultList;

    /// <summary>
    /// AGENT_PUSH_TIMEOUT_SECONDS: how long one attempt of a push may take, connect to last header. Default: 5 s, ample
    /// for a pod on the cluster network that only has to acknowledge (the work itself happens after the answer).
    /// Fractions are accepted. Half of it is the connect budget (see <see cref="PushConnectTimeout"/>).
    /// </summary>
    [ConfigurationKeyName("AGENT_PUSH_TIMEOUT_SECONDS")]
    public double PushTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// AGENT_PUSH_RETRIES: extra attempts after the first, for the failures it is safe to repeat (see AgentPodClient).
    /// Default: 2, enough to ride over a pod restart or a dropped SYN without holding a grain call for long.
    /// </summary>
    [ConfigurationKeyName("AGENT_PUSH_RETRIES")]
    public int PushRetries { get; set; } = 2;

    /// <summary>
    /// AGENT_PUSH_RETRY_DELAY_MILLISECONDS: base of the jittered exponential backoff between attempts (an addition to
    /// the seed's settings). Default: 200 ms; each delay is capped at <see cref="MaxPushRetryDelay"/>, so at most 2000.
    /// </summary>
    [ConfigurationKeyName("AGENT_PUSH_RETRY_DELAY_MILLISECONDS")]
    public int PushRetryDelayMilliseconds { get; set; } = 200;

    /// <summary>
    /// AGENT_REGISTRATION_TOKEN: a shared secret agents must present to register (<c>Authorization: Bearer</c>); the
    /// answer then carries the agent's own <c>agent_token</c>, which its heartbeats, deregistration and telemetry must
    /// carry. At least 32 characters. Default: unset, and then ANY caller that reaches the silo can register, heartbeat
    /// and deregister agents (the seed's behaviour). Changing it invalidates every agent token: agents register again.
    /// </summary>
    [ConfigurationKeyName("AGENT_REGISTRATION_TOKEN"), SecretSetting]
    public string? RegistrationToken { get; set; }

    /// <summary>Shortest <see cref="RegistrationToken"/> accepted: 32 characters, e.g. <c>openssl rand -hex 32</c> gives 64.</summary>
    public const int MinRegistrationTokenLength = 32;

    /// <summary>Cap on one backoff delay, so that jitter and doubling cannot eat the whole push budget. Fixed: 2 s.</summary>
    public static TimeSpan MaxPushRetryDelay { get; } = TimeSpan.FromSeconds(2);

    public TimeSpan PushAttemptTimeout => TimeSpan.FromSeconds(PushTimeoutSeconds);

    /// <summary>
    /// How long to wait for a TCP connection: half the attempt budget. A live pod on the cluster network accepts in
    /// milliseconds; giving up on connecting while the attempt timer still runs is what lets the client tell
    /// "never reached the pod" (safe to resend a POST) from "sent, then silence" (not safe).
    /// </summary>
    public TimeSpan PushConnectTimeout => PushAttemptTimeout / 2;

    /// <summary>
    /// Budget of one push until the answer's headers, retries and backoff included: every attempt timing out, every
    /// delay at its cap. Reading the (small) body afterwards is bounded by one more <see cref="PushAttemptTimeout"/>.
    /// </summary>
    public TimeSpan PushTotalTimeout =>
        (PushAttemptTimeout * (PushRetries + 1)) + (MaxPushRetryDelay * PushRetries) + TimeSpan.FromMilliseconds(100);

    /// <summary>The parsed <see cref="AllowedNetworks"/>, the default when unset or empty.</summary>
    /// <exception cref="FormatException">The list has a bad entry; the message names it.</exception>
    public Networks.AllowedNetworks ParseAllowedNetworks() =>
        string.IsNullOrWhiteSpace(AllowedNetworks) ? Networks.AllowedNetworks.Default : Networks.AllowedNetworks.Parse(AllowedNetworks);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(AllowedNetworks)
            && !Networks.AllowedNetworks.TryParse(AllowedNetworks, out _, out var networksError))
        {
            yield return new ValidationResult(networksError, [nameof(AllowedNetworks)]);
        }

        // Polly refuses attempt timeouts under 10 ms; five minutes is far past any acknowledgement a pod owes us.
        if (!(PushTimeoutSeconds is >= 0.05 and <= 300))
        {
            yield return Invalid("AGENT_PUSH_TIMEOUT_SECONDS", "from 0.05 to 300", PushTimeoutSeconds, nameof(PushTimeoutSeconds));
        }

        if (!string.IsNullOrEmpty(RegistrationToken) && RegistrationToken.Trim().Length < MinRegistrationTokenLength)
        {
            yield return new ValidationResult(
                $"AGENT_REGISTRATION_TOKEN must be at least {MinRegistrationTokenLength} characters (got {RegistrationToken.Trim().Length}).",
                [nameof(RegistrationToken)]);
        }

        if (PushRetries is < 0 or > 10)
        {
            yield return Invalid("AGENT_PUSH_RETRIES", "from 0 to 10", PushRetries, nameof(PushRetries));
        }

        if (PushRetryDelayMilliseconds < 0 || PushRetryDelayMilliseconds > MaxPushRetryDelay.TotalMilliseconds)
        {
            yield return Invalid("AGENT_PUSH_RETRY_DELAY_MILLISECONDS", $"from 0 to {MaxPushRetryDelay.TotalMilliseconds}", PushRetryDelayMilliseconds, nameof(PushRetryDelayMilliseconds));
        }
    }

    private static ValidationResult Invalid(string key, string range, object value, string member) =>
        new($"{key} must be {range} (got {value}).", [member]);
}
