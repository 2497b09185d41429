namespace Cockpit.Storage.Security;

/// <summary>An API token as stored: everything but its secret, of which only the SHA-256 is kept.</summary>
/// <param name="Role">viewer, operator or admin.</param>
/// <param name="CreatedBy">Who created it (the creator's name and how they signed in), for the list people read.</param>
/// <param name="ExpiresAt">After this the token is refused; null never expires.</param>
public sealed record ApiTokenRecord(Guid Id, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
