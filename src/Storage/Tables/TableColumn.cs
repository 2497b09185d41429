namespace Cockpit.Storage.Tables;

/// <summary>One column as PostgreSQL formats its type (e.g. <c>character varying(100)</c>, <c>timestamp with time zone</c>).</summary>
public sealed record TableColumn(string Name, string Type, bool Nullable);
