using Cockpit.GraphQL.Tests.Support;

namespace Cockpit.GraphQL.Tests.Introspection;

/// <summary>The introspection queries real clients send, printed by the same graphql-js they use (ws-client/node_modules).</summary>
public static class IntrospectionQueries
{
    /// <summary>Built the way GraphiQL 5 builds it (@graphiql/react's schema store, default props).</summary>
    public static Task<string> GraphiQLAsync() => Print("{ inputValueDeprecation: false, schemaDescription: false }");

    /// <summary>graphql-js's <c>getIntrospectionQuery()</c> with its defaults: what most tools and codegens send.</summary>
    public static Task<string> StandardAsync() => Print("");

    private static Task<string> Print(string options) => NodeClient.EvaluateAsync($$"""
        import { getIntrospectionQuery } from 'graphql';
        process.stdout.write(getIntrospectionQuery({{options}}));
        """);
}
