using System.Text.Json;
using Cockpit.Protocol;

namespace Cockpit.Agent.Jobs;

/// <summary>
/// Validates job command bodies field by field. The framework's binder would only say "bad request"; the
/// orchestrator's operators need to know which field was wrong.
/// </summary>
public static class JobRequestParser
{
    private static readonly string[] OptionalStrings = ["document_path", "document_dir", "config_name", "instructions"];

    public static RequestParseResult<JobStartRequest> ParseStart(string body) =>
        Parse<JobStartRequest>(body, (root, errors) =>
        {
            RequireJobId(root, errors);
            if (!root.TryGetProperty("prompt", out var prompt) || prompt.ValueKind == JsonValueKind.Null)
                errors["prompt"] = ["is required"];
            else if (prompt.ValueKind != JsonValueKind.String)
                errors["prompt"] = ["must be a string"];
            foreach (var name in OptionalStrings)
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    errors[name] = ["must be a string"];
            }
            if (root.TryGetProperty("context", out var context) && context.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                errors["context"] = ["must be a JSON object"];
        });

    public static RequestParseResult<JobCommandRequest> ParseCommand(string body) =>
        Parse<JobCommandRequest>(body, RequireJobId);

    private static RequestParseResult<T> Parse<T>(string body, Action<JsonElement, Dictionary<string, string[]>> validate) where T : class
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"is not valid JSON: {e.Message}"];
            return RequestParseResult<T>.Invalid(errors);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["must be a JSON object"];
                return RequestParseResult<T>.Invalid(errors);
            }
            validate(document.RootElement, errors);
            if (errors.Count > 0) return RequestParseResult<T>.Invalid(errors);
            try
            {
                return RequestParseResult<T>.Ok(document.RootElement.Deserialize<T>(AgentJson.Wire)!);
            }
            catch (JsonException e)
            {
                // The checks above should have caught it; if not, still name what the serializer pointed at.
                errors[e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body"] = [e.Message];
                return RequestParseResult<T>.Invalid(errors);
            }
        }
    }

    private static void RequireJobId(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("job_id", out var jobId) || jobId.ValueKind == JsonValueKind.Null)
            errors["job_id"] = ["is required"];
        else if (jobId.ValueKind != JsonValueKind.String || !Guid.TryParse(jobId.GetString(), out var parsed))
            errors["job_id"] = ["must be a UUID string"];
        else if (parsed == Guid.Empty)
            errors["job_id"] = ["must not be the empty UUID"];
    }
}
