using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Http;

/// <summary>A parsed body, or the problem answer to send instead.</summary>
public readonly record struct BodyResult<T>(T? Value, ProblemHttpResult? Problem) where T : class
{
    public static BodyResult<T> Ok(T value) => new(value, null);

    public static BodyResult<T> Empty() => new(null, null);

    public static BodyResult<T> Fail(ProblemHttpResult problem) => new(null, problem);
}
