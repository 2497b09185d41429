namespace Cockpit.EndToEnd.Tests.Reliability.Fuzz;

/// <summary>
/// One generated GraphQL request: the raw HTTP body (a JSON envelope that may itself be malformed), or a GET with the
/// query in the URL when <paramref name="OverGet"/>. Placeholders as in <see cref="RestRequest"/>.
/// </summary>
public sealed record GraphQLRequestCase(string Body, bool OverGet, string ContentType)
{
    public override string ToString() => $"{(OverGet ? "GET" : "POST")} /graphql [{ContentType}] {(Body.Length > 400 ? Body[..400] + "…" : Body)}";
}
