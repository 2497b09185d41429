namespace Cockpit.EndToEnd.Tests.Reliability.Fuzz;

/// <summary>
/// One generated REST request. The path may hold the placeholders {agent}, {job} and {cancelled}, filled with the
/// fixture's ids when sent. <paramref name="ContentType"/> null sends the body without one.
/// </summary>
public sealed record RestRequest(string Method, string Path, string? Body, string? ContentType)
{
    public override string ToString() =>
        $"{Method} {Path} [{ContentType ?? "no content type"}] {(Body is null ? "(no body)" : Body.Length > 300 ? Body[..300] + "…" : Body)}";
}
