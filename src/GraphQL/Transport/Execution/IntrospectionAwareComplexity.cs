using GraphQL.Validation.Complexity;

namespace Cockpit.GraphQL.Transport.Execution;

/// <summary>
/// GraphQL.NET's default field impact (each field 1, a list multiplies what it selects by 20), except that the lists
/// of introspection types (<c>__Schema.types</c>, <c>__Type.fields</c>, ...) multiply by
/// <see cref="IntrospectionListMultiplier"/>. Their length is the schema's, small and fixed, not the data's: counted
/// like data lists, GraphiQL's introspection query scores 239124 and could only pass under a limit that lets any data
/// query through; counted this way it scores 6222. Not free, because introspection can still nest
/// <c>fields { type { fields ... } }</c> as deep as the depth limit allows. The analysis is static, so these scores do
/// not grow with the schema.
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
