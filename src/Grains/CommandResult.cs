namespace Cockpit.Grains;

/// <summary>The answer of a grain command: a status, the record as it now stands, and why when not Ok.</summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult<T>(
    [property: Id(0)] CommandStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Error)
{
    public bool IsOk => Status == CommandStatus.Ok;

    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value, null);

    public static CommandResult<T> Fail(CommandStatus status, string error, T? value = default) => new(status, value, error);
}
