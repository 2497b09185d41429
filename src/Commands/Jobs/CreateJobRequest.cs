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

    /// <summary>The submission as the command layer takes it, unchecked.</summary>
    public NewJob ToNewJob() => new(Prompt, DocumentPath, DocumentDir, ConfigName, Context, Instructions, DocumentSetId);
}
