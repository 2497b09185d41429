namespace Cockpit.Agent.Jobs;

/// <summary>A parsed request body, or the problems with it keyed by JSON field name.</summary>
public sealed record RequestParseResult<T>(T? Value, IDictionary<string, string[]> Errors) where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;

    public static RequestParseResult<T> Ok(T value) => new(value, new Dictionary<string, string[]>());

    public static RequestParseResult<T> Invalid(IDictionary<string, string[]> errors) => new(null, errors);
}
