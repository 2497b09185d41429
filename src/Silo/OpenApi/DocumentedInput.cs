namespace Cockpit.Silo.OpenApi;

/// <summary>What an endpoint reads by hand (and so the generator cannot see): its JSON body and query parameters.</summary>
/// <param name="Body">The JSON body's type, when the endpoint reads one.</param>
/// <param name="BodyRequired">False when an empty body is accepted.</param>
public sealed record DocumentedInput(Type? Body = null, bool BodyRequired = true, params DocumentedQueryParameter[] Query);
