using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.GraphQL.Schema;

/// <summary>
/// Resolvers take their services from the operation's scope, not from graph type constructors: the schema is a
/// singleton that can be built (and printed) without a cluster or a database.
/// </summary>
public static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("GraphQL request without services")).GetRequiredService<T>();

    public static T? OptionalService<T>(this IResolveFieldContext context) where T : class =>
        context.RequestServices?.GetService<T>();

    public static DateTimeOffset Now(this IResolveFieldContext context) =>
        (context.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
}
