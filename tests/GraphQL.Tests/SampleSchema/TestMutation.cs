using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Tests.SampleSchema;

public sealed class TestMutation : ObjectGraphType
{
    public TestMutation(Counter counter, TickHub ticks)
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("increment").Resolve(_ => counter.Increment());
        Field<NonNullGraphType<BooleanGraphType>>("publish")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .Argument<NonNullGraphType<IntGraphType>>("value")
            .Resolve(context =>
            {
                ticks.Publish(context.GetArgument<string>("topic"), context.GetArgument<int>("value"));
                return true;
            });
    }
}
