namespace Cockpit.GraphQL.Schema.Errors;

/// <summary>
/// <c>extensions.code</c> of the errors the schema raises: the same outcomes as the REST endpoints' 400, 404, 409 and 502.
/// </summary>
public static class ErrorCodes
{
    /// <summary>REST 400: an argument or input field is not acceptable; <c>extensions.field</c> names it as REST does.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>REST 404: the job, agent, entry or table does not exist.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>REST 409: not possible in the current state, or the agent's address is outside the allowed networks.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>REST 502: the agent pod could not be reached; nothing changed but the recorded error.</summary>
    public const string AgentUnreachable = "AGENT_UNREACHABLE";

    /// <summary>
    /// REST 503: the database or the cluster is unavailable for a moment; nothing was acknowledged, so retrying is safe.
    /// </summary>
    public const string Unavailable = "UNAVAILABLE";

    /// <summary>A bulk command's id whose call failed on the server for another reason; see the log.</summary>
    public const string Internal = "INTERNAL_SERVER_ERROR";

    /// <summary>The extension naming the offending field of a <see cref="BadUserInput"/> error.</summary>
    public const string FieldExtension = "field";
}
