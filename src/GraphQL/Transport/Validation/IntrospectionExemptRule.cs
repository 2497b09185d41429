using GraphQL.Validation;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>
/// Runs <see cref="Inner"/> (the depth and complexity limits) for every operation but a pure introspection query
/// (<see cref="PureIntrospection"/>), which is bounded instead by <see cref="MaxIntrospectionDepthValidationRule"/>, the
/// alias limit and the request size. Without it GraphiQL's own introspection query is refused against the cockpit's
/// schema under the default GRAPHQL_MAX_COMPLEXITY of 20000 (it scored 23822 when issue 15 was filed and 27022 a few
/// features later: the score follows the schema), and it is exactly as deep as the default GRAPHQL_MAX_DEPTH, so any
/// schema change or newer GraphiQL could break the playground again (issue 15, finding 9).
/// </summary>
public sealed class IntrospectionExemptRule(IValidationRule inner) : IValidationRule
{
    public IValidationRule Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        Exempt(context) ? default : Inner.GetPreNodeVisitorAsync(context);

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) =>
        Exempt(context) ? default : Inner.GetVariableVisitorAsync(context);

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
        Exempt(context) ? default : Inner.GetPostNodeVisitorAsync(context);

    private static bool Exempt(ValidationContext context) => PureIntrospection.Is(context.Operation, context.Document);
}
