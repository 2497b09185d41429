namespace Cockpit.GraphQL.Schema.Paging;

/// <param name="EndCursor">Opaque cursor of the page's last item; null for an empty page.</param>
public sealed record PageInfo(bool HasNextPage, string? EndCursor);
