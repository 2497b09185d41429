using System.Text.Json;
using System.Text.RegularExpressions;
using Cockpit.Grains.Jobs;
using Cockpit.Protocol.Paths;
using Cockpit.Storage;

namespace Cockpit.Commands.Jobs;

/// <summary>Checks a job submission field by field; every problem is reported, keyed by its field name.</summary>
public static partial class CreateJobValidator
{
    /// <summary>A prompt longer than this is a document: upload it instead.</summary>
    public const int MaxPromptLength = 100_000;
    public const int MaxPathLength = 4096;

    /// <summary>Seed column size: config_name VARCHAR(100).</summary>
    public const int MaxConfigNameLength = 100;

    /// <summary>The job to create, or null with every problem in <paramref name="errors"/> (keyed by REST field name).</summary>
    /// <param name="roots">DOCUMENT_ROOTS: <c>document_path</c> and <c>document_dir</c> must resolve inside one of them.</param>
    public static JobSpec? Validate(Guid jobId, NewJob body, DocumentRoots roots, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(body.Prompt)) errors["prompt"] = ["is required"];
        else if (body.Prompt.Length > MaxPromptLength) errors["prompt"] = [$"must be at most {MaxPromptLength} characters"];
        else if (PostgresText.HoldsNul(body.Prompt)) errors["prompt"] = [PostgresText.NulRefusal];

        CheckPath(body.DocumentPath, "document_path", roots, errors);
        CheckPath(body.DocumentDir, "document_dir", roots, errors);

        if (body.ConfigName is { } config && (config.Length > MaxConfigNameLength || !ConfigNamePattern().IsMatch(config)))
        {
            errors["config_name"] = [$"must be 1–{MaxConfigNameLength} letters, digits, '.', '_' or '-'"];
        }

        string? contextJson = null;
        if (body.Context is { } context && context.ValueKind != JsonValueKind.Null)
        {
            if (context.ValueKind != JsonValueKind.Object) errors["context"] = ["must be a JSON object"];
            else if (PostgresText.HoldsNul(context)) errors["context"] = [PostgresText.NulRefusal];
            else contextJson = context.GetRawText();
        }
        if (body.Instructions is { Length: > MaxPromptLength }) errors["instructions"] = [$"must be at most {MaxPromptLength} characters"];
        else if (PostgresText.HoldsNul(body.Instructions)) errors["instructions"] = [PostgresText.NulRefusal];

        if (body.DocumentSetId is { } setId)
        {
            if (!Guid.TryParse(setId, out _)) errors["document_set_id"] = ["must be the UUID returned by POST /api/documents"];
            else if (!string.IsNullOrWhiteSpace(body.DocumentDir)) errors["document_set_id"] = ["cannot be combined with document_dir (the uploaded set becomes the document_dir)"];
        }

        var budget = BudgetValidator.Validate(body.Budget, "budget.", errors);

        if (errors.Count > 0) return null;
        return new JobSpec(jobId, body.Prompt!, Blank(body.DocumentPath), Blank(body.DocumentDir), body.ConfigName, contextJson, Blank(body.Instructions), budget);
    }

    // Blank means "none" (see Blank below), so only a path that will be handed to the agent is checked against the roots.
    private static void CheckPath(string? path, string field, DocumentRoots roots, IDictionary<string, string[]> errors)
    {
        if (path is null) return;
        if (path.Length > MaxPathLength) errors[field] = [$"must be at most {MaxPathLength} characters"];
        else if (PostgresText.HoldsNul(path)) errors[field] = [PostgresText.NulRefusal];
        else if (!string.IsNullOrWhiteSpace(path) && roots.Refusal(path) is { } refusal) errors[field] = [refusal];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ConfigNamePattern();
}
