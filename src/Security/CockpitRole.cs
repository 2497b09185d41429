namespace Cockpit.Security;

/// <summary>
/// What a person may do, each role including the ones below it: <see cref="Viewer"/> reads, <see cref="Operator"/> also
/// creates, assigns, cancels, resumes and uploads, <see cref="Admin"/> also deletes and browses the database (and MCP's
/// <c>query_table</c>). <see cref="None"/> may do nothing but sign in.
/// </summary>
public enum CockpitRole
{
    None = 0,
    Viewer = 1,
    Operator = 2,
    Admin = 3,
}
