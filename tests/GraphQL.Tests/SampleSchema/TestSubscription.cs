using Microsoft.Extensions.DependencyInjection;
using System.Reactive.Linq;
using GraphQL;
using GraphQL.Types;

namespace Cockpit.GraphQL.Tests.SampleSchema;

public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription(TickHub ticks)
    {
        Name = "Subscription";
        Field<NonNullGraphType<IntGraphType>>("ticks")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .ResolveStream(context => ticks.Observe(context.GetArgument<string>("topic")).Select(value => (object?)value));
        Field<NonNullGraphType<StringGraphType>>("paddedTicks")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .Argument<NonNullGraphType<IntGraphType>>("bytes")
            .ResolveStream(context => ticks.Observe(context.GetArgument<string>("topic"))
                .Select(value => (object?)new string((char)('a' + (value % 26)), context.GetArgument<int>("bytes"))));
        Field<NonNullGraphType<IntGraphType>>("countdown")
            .Argument<NonNullGraphType<IntGraphType>>("from")
            .ResolveStream(context => Observable.Range(1, context.GetArgument<int>("from")).Select(value => (object?)(context.GetArgument<int>("from") + 1 - value)));
        Field<NonNullGraphType<IntGraphType>>("failingSource")
            .ResolveStream(_ => throw new ExecutionError("This event source cannot be opened.") { Code = "NO_SOURCE" });
        Field<NonNullGraphType<StringGraphType>>("scopeIds")
            .ResolveStream(context => Observable.Return((object?)context.RequestServices!.GetRequiredService<ScopeProbe>().Id.ToString()));
    }
}
