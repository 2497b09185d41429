using System.Security.Claims;
using Cockpit.GraphQL.Transport.Validation;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.GraphQL.Transport.Execution;

/// <summary>
/// Runs one GraphQL request against the <see cref="ISchema"/> registered in DI, through the schema side's own
/// <see cref="IDocumentExecuter{TSchema}"/> (so whatever it configured with <c>services.AddGraphQL(...)</c> applies:
/// execution options, extra validation rules, listeners, unhandled-exception handlers), with this transport's depth,
/// complexity and alias limits added to the specification's validation rules (pure introspection queries are exempt from
/// depth and complexity and bounded by the introspection depth rule instead).
/// </summary>
public sealed class GraphQLRequestExecutor
{
    private readonly IValidationRule[] _rules;

    public GraphQLRequestExecutor(IOptions<GraphQLTransportOptions> options)
    {
        var settings = options.Value;
        var rules = new List<IValidationRule>(DocumentValidator.CoreRules);
        if (settings.MaxDepth > 0 || settings.MaxComplexity > 0)
        {
            // A pure introspection query (GraphiQL's, graphql-js's) is exempt; the rule below bounds it instead.
            rules.Add(new IntrospectionExemptRule(new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = settings.MaxDepth > 0 ? settings.MaxDepth : null,
                MaxComplexity = settings.MaxComplexity > 0 ? settings.MaxComplexity : null,
                DefaultComplexityImpactDelegate = IntrospectionAwareComplexity.Impact,
            })));
        }

        rules.Add(MaxIntrospectionDepthValidationRule.Instance);

        if (settings.MaxAliases > 0)
        {
            rules.Add(new MaxAliasesValidationRule(settings.MaxAliases));
        }

        _rules = [.. rules];
    }

    /// <summary>The validation rules every request runs: the specification's, then the limits.</summary>
    public IReadOnlyList<IValidationRule> ValidationRules => _rules;

    /// <param name="request">Query, operation name, variables and extensions as the client sent them.</param>
    /// <param name="services">Scope of this request: resolvers resolve their scoped services from it.</param>
    /// <param name="user">Who asks; resolvers see it as <c>context.User</c>.</param>
    /// <param name="extraRule">A transport-specific rule (HTTP refuses mutations over GET and subscriptions), or null.</param>
    public Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        IServiceProvider services,
        ClaimsPrincipal? user,
        IValidationRule? extraRule,
        CancellationToken cancellationToken)
    {
        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
            ValidationRules = extraRule is null ? _rules : [.. _rules, extraRule],
        });
    }
}
