namespace Cockpit.GraphQL.Schema.Paging;

/// <summary>A page of items, how many match over all pages, and where to continue.</summary>
public sealed record Connection<T>(long TotalCount, IReadOnlyList<T> Nodes, PageInfo PageInfo);
