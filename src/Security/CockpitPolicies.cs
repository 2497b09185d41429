namespace Cockpit.Security;

/// <summary>
/// Names of the authorization policies, one per role, each met by that role or a higher one. Endpoints, GraphQL fields
/// and MCP tools name the policy they need (e.g. <c>.RequireAuthorization(CockpitPolicies.Admin)</c>); the host
/// registers the policies.
/// </summary>
public static class CockpitPolicies
{
    /// <summary>Reading anything: lists, details, statistics, workspace files, subscriptions.</summary>
    public const string Viewer = "cockpit:viewer";

    /// <summary>Changing jobs: create, assign, cancel, resume, upload documents.</summary>
    public const string Operator = "cockpit:operator";

    /// <summary>Deleting jobs, the database browser (REST, GraphQL <c>tables</c> / <c>tableRows</c>) and MCP's <c>query_table</c>.</summary>
    public const string Admin = "cockpit:admin";

    /// <summary>The policy that requires <paramref name="role"/>.</summary>
    public static string For(CockpitRole role) => role switch
    {
        CockpitRole.Admin => Admin,
        CockpitRole.Operator => Operator,
        _ => Viewer,
    };

    /// <summary>The role a policy name requires, or null when the name is not one of these.</summary>
    public static CockpitRole? RoleOf(string policy) => policy switch
    {
        Viewer => CockpitRole.Viewer,
        Operator => CockpitRole.Operator,
        Admin => CockpitRole.Admin,
        _ => null,
    };
}
