using GraphQL.Types;

namespace Cockpit.GraphQL.Tests.SampleSchema;

public sealed class TestNodeType : ObjectGraphType<TestNode>
{
    public TestNodeType()
    {
        Name = "Node";
        Field<NonNullGraphType<IntGraphType>>("depth").Resolve(context => context.Source.Depth);
        Field<NonNullGraphType<TestNodeType>>("child").Resolve(context => new TestNode(context.Source.Depth + 1));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TestNodeType>>>>("children")
            .Resolve(context => Enumerable.Range(0, 2).Select(_ => new TestNode(context.Source.Depth + 1)));
    }
}
