using GraphQL;

namespace Cockpit.GraphQL.Schema.Errors;

/// <summary>A <see cref="ErrorCodes.BadUserInput"/> error naming the offending field (the REST name where REST has one).</summary>
public sealed class InputError : ExecutionError
{
    public InputError(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Code = ErrorCodes.BadUserInput;
    }

    /// <summary>Shown to clients as <c>extensions.field</c>.</summary>
    public string Field { get; }
}
