using GraphQL;
using GraphQL.Execution;

namespace Cockpit.GraphQL.Schema.Errors;

/// <summary>GraphQL.NET's error shape (<c>extensions.code</c>, <c>codes</c>, …) plus <c>extensions.field</c> for input errors.</summary>
public sealed class CockpitErrorInfoProvider : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is InputError input)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions[ErrorCodes.FieldExtension] = input.Field;
            info.Extensions = extensions;
        }
        return info;
    }
}
