using System.Text.Json;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// Body of <c>POST /api/jobs</c>: the seed's Job fields a person provides. Its wire shape (and OpenAPI schema name)
/// is REST's; the command itself takes <see cref="NewJob"/>.
/// </summary>
public sealed record CreateJobRequest
{
    public string? Prompt { get; init; }
    public string? DocumentPath { get; init; }
    public string? DocumentDir { get; init; }
    public string? ConfigName { get; init; }
    public JsonElement? Context { get; init; }
    public string? Instructions { get; init; }

    /// <summary>
    /// The id from <c>POST /api/documents</c>: the uploaded files move into the job's workspace (documents/) and become
    /// its document_dir. Not together with document_dir. A string, so a malformed id gets the validator's message.
    /// </summary>
    public string? DocumentSetId { get; init; }

    /// <summary><c>manual</c> (the default: the job waits in <c>created</c> for an assign) or <c>auto</c> (queued in
    /// <c>pending</c> and started by the dispatcher).</summary>
    public string? Dispatch { get; init; }

    /// <summary>−100..100, default 0; higher goes first, then oldest.</summary>
    public int? Priority { get; init; }

    /// <summary>Labels an agent must carry (every pair) to take the job.</summary>
    public Dictionary<string, string?>? Selector { get; init; }

    /// <summary>1..20; default JOB_MAX_ATTEMPTS.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>0..600: the delay after the first failed attempt, doubling per attempt (capped at 10 minutes); default
    /// JOB_RETRY_BACKOFF_SECONDS.</summary>
    public int? RetryBackoffSeconds { get; init; }

    /// <summary>1..86400: longest run of one attempt; unset: no bound.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Jobs sharing a key share its concurrency limit and its turn (PUT /api/concurrency-limits/{key}).</summary>
    public string? ConcurrencyKey { get; init; }

    /// <summary>
    /// What the job may spend on LLM calls: <c>{"max_cost_usd": number?, "max_tokens": integer?}</c>. Limits left out come
    /// from the config's <c>budget:</c>, then JOB_DEFAULT_MAX_COST_USD.
    /// </summary>
    public BudgetInput? Budget { get; init; }

    /// <summary>The submission as the command layer takes it, unchecked.</summary>
    public NewJob ToNewJob() => new(Prompt, DocumentPath, DocumentDir, ConfigName, Context, Instructions, DocumentSetId,
        new DispatchFields(Dispatch, Priority, Selector, MaxAttempts, RetryBackoffSeconds, TimeoutSeconds, ConcurrencyKey), Budget);
}
