using Microsoft.Extensions.DependencyInjection;
using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Tests.SampleSchema;

public sealed class TestQuery : ObjectGraphType
{
    public TestQuery(TickHub ticks, Counter counter)
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello, {context.GetArgument<string?>("name") ?? "world"}!");
        Field<NonNullGraphType<IntGraphType>>("add")
            .Argument<NonNullGraphType<IntGraphType>>("a")
            .Argument<NonNullGraphType<IntGraphType>>("b")
            .Resolve(context => context.GetArgument<int>("a") + context.GetArgument<int>("b"));
        Field<NonNullGraphType<TestNodeType>>("node").Resolve(_ => new TestNode(1));
        Field<NonNullGraphType<IntGraphType>>("counter").Resolve(_ => counter.Value);
        Field<NonNullGraphType<IntGraphType>>("subscribers")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .Resolve(context => ticks.Subscribers(context.GetArgument<string>("topic")));
        Field<StringGraphType>("me").Resolve(context => context.User?.Identity?.Name);
        Field<StringGraphType>("boom").Resolve(_ => throw new ExecutionError("The boom field always fails.") { Code = "BOOM" });
        Field<NonNullGraphType<StringGraphType>>("scopeId")
            .Resolve(context => context.RequestServices!.GetRequiredService<ScopeProbe>().Id.ToString());
    }
}
