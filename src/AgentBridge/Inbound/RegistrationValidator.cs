using System.Text.Json;
using Cockpit.AgentBridge.Networks;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Protocol;

namespace Cockpit.AgentBridge.Inbound;

/// <summary>Turns a registration body into a <see cref="AgentRegistrationInfo"/>, or the list of what is wrong with it.</summary>
public sealed class RegistrationValidator(DestinationGuard guard)
{
    /// <summary>Seed column sizes: config_name VARCHAR(100), hostname VARCHAR(255).</summary>
    public const int MaxConfigNameLength = 100;
    public const int MaxHostnameLength = 255;

    public AgentRegistrationInfo? Validate(AgentRegistration body, IDictionary<string, string[]> errors)
    {
        var configName = body.ConfigName?.Trim();
        if (string.IsNullOrEmpty(configName)) errors["config_name"] = ["is required"];
        else if (configName.Length > MaxConfigNameLength) errors["config_name"] = [$"must be at most {MaxConfigNameLength} characters"];

        var hostname = string.IsNullOrWhiteSpace(body.Hostname) ? null : body.Hostname.Trim();
        if (hostname is { Length: > MaxHostnameLength }) errors["hostname"] = [$"must be at most {MaxHostnameLength} characters"];

        string? podIp = null;
        if (string.IsNullOrWhiteSpace(body.PodIp)) errors["pod_ip"] = ["is required"];
        else
        {
            // The guard parses strictly (no "127.1", no octal) and applies the same rules as every push.
            var check = guard.Check(body.PodIp.Trim());
            if (!check.IsAllowed) errors["pod_ip"] = [check.Reason];
            else podIp = check.Address.ToString();
        }

        var podPort = body.PodPort ?? ProtocolPaths.DefaultAgentPort;
        if (podPort is < 1 or > 65535) errors["pod_port"] = ["must be between 1 and 65535"];
        if (body.Pid is < 0) errors["pid"] = ["must not be negative"];
        var labels = LabelDictionary.Of(AgentLabelRules.Check(body.Labels, "labels", errors));

        if (errors.Count > 0) return null;
        var metadata = body.Metadata is null ? "{}" : JsonSerializer.Serialize(body.Metadata);
        return new AgentRegistrationInfo(configName!, hostname, podIp!, podPort, body.Pid, metadata, labels);
    }
}
