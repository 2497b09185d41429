using GraphQL.Types;

namespace Cockpit.GraphQL.Tests.SampleSchema;

/// <summary>A small schema with one of each operation type; the transport knows nothing of it but ISchema.</summary>
public sealed class TestSchema : global::GraphQL.Types.Schema
{
    public TestSchema(IServiceProvider services, TestQuery query, TestMutation mutation, TestSubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
