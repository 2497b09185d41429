using GraphQL.Validation.Complexity;

namespace Cockpit.GraphQL.Transport.Execution;

/// <summary>
/// GraphQL.NET's default field impact (each field 1, a list multiplies what it selects by 20), except that the lists
/// of introspection types (<c>__Schema.types</c>, <c>__Type.fields</c>, ...) multiply by
/// <see cref="IntrospectionListMultiplier"/>: their length is the schema's, small and fixed, not the data's. It matters
/// only for documents that mix introspection with data fields; a pure introspection query is not scored at all
/// (<see cref="Validation.IntrospectionExemptRule"/>).
/// </summary>
public static class IntrospectionAwareComplexity
{
    public const double IntrospectionListMultiplier = 2;

    private static readonly Func<FieldImpactContext, FieldComplexityResult> Default = new ComplexityOptions().DefaultComplexityImpactDelegate;

    public static FieldComplexityResult Impact(FieldImpactContext context)
    {
        var result = Default(context);
        var isIntrospection = context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
            || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal);
        return isIntrospection && result.ChildImpactMultiplier > IntrospectionListMultiplier
            ? new FieldComplexityResult(result.FieldImpact, IntrospectionListMultiplier)
            : result;
    }
}
