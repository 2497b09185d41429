namespace Cockpit.GraphQL.Schema.Live;

/// <summary>An agent or job that changed: its state as read after the notice, or the deletion.</summary>
/// <param name="Version">The entity's version: of <paramref name="Value"/>, or the deleting version.</param>
/// <param name="Value">The entity as it is now; null when <paramref name="Deleted"/>.</param>
public sealed record EntityChange<T>(Guid Id, bool Deleted, long Version, T? Value) where T : class;
