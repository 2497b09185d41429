using Cockpit.GraphQL.Schema.Root;

namespace Cockpit.GraphQL.Schema;

/// <summary>
/// The cockpit's schema, exactly as <c>src/GraphQL/schema.graphql</c> declares it (a test compares the printed
/// schema with that file). Graph types hold no services; resolvers take them from the operation's scope.
/// </summary>
public sealed class CockpitSchema : global::GraphQL.Types.Schema
{
    public CockpitSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation, SubscriptionGraphType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
