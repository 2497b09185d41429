using System.ComponentModel.DataAnnotations;

namespace Cockpit.Silo.Security;

/// <summary>Request budgets per client address (the endpoints worth flooding) and per API token.</summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// AUTH_RATE_LIMIT_PER_MINUTE: requests to /api/auth/* one client address may make per minute; more get 429 with
    /// Retry-After. Default: 60 (the cockpit makes one or two per page load). 0 turns the limit off.
    /// </summary>
    [ConfigurationKeyName("AUTH_RATE_LIMIT_PER_MINUTE"), Range(0, 1_000_000)]
    public int AuthPerMinute { get; set; } = 60;

    /// <summary>
    /// AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE: agent registrations one client address may make per minute; more get 429
    /// with Retry-After (the reference agent retries with backoff). Default: 300, enough for a fleet of a few hundred
    /// pods behind one NAT address starting at once. 0 turns the limit off.
    /// </summary>
    [ConfigurationKeyName("AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE"), Range(0, 1_000_000)]
    public int AgentRegistrationsPerMinute { get; set; } = 300;

    /// <summary>
    /// API_TOKEN_RATE_LIMIT_PER_MINUTE: requests one API token may make per minute, wherever they come from; more get 429
    /// with Retry-After. Default: 600, ten a second, far above what a cleanup script or a pipeline needs and low enough
    /// that a runaway loop with a leaked token cannot flood a silo. 0 turns the limit off.
    /// </summary>
    [ConfigurationKeyName("API_TOKEN_RATE_LIMIT_PER_MINUTE"), Range(0, 1_000_000)]
    public int ApiTokenPerMinute { get; set; } = 600;
}
