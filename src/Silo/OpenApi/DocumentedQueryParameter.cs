namespace Cockpit.Silo.OpenApi;

/// <summary>One query parameter an endpoint reads by hand.</summary>
/// <param name="WholeNumber">True for a whole number, false for a string.</param>
public sealed record DocumentedQueryParameter(string Name, bool WholeNumber, string Description);
