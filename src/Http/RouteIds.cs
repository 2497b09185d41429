using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Http;

/// <summary>
/// Ids in paths are parsed by hand: a <c>{id:guid}</c> constraint would answer a malformed id with a bare 404,
/// where a 400 naming the parameter tells the caller what is wrong.
/// </summary>
public static class RouteIds
{
    public static bool TryParse(string raw, string field, out Guid id, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        if (Guid.TryParse(raw, out id))
        {
            problem = null;
            return true;
        }
        problem = Problems.Invalid(field, $"'{Truncate(raw)}' is not a UUID");
        return false;
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
