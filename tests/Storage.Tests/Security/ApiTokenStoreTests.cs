using Cockpit.Protocol;
using Cockpit.Storage.Security;
using Cockpit.Storage.Tests.Support;
using Npgsql;

namespace Cockpit.Storage.Tests.Security;

/// <summary>The table api_tokens on a real PostgreSQL: only a digest is stored, a revoked token is gone for every reader.</summary>
public sealed class ApiTokenStoreTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_token_is_stored_as_a_digest_listed_and_found_until_revoked()
    {
        var store = new ApiTokenStore(database.DataSource);
        var (id, secret, digest) = ApiTokenFormat.New();
        var expiry = DateTimeOffset.UtcNow.AddDays(1);

        var created = await store.InsertAsync(id, "nightly cleanup", "admin", "dev admin (dev)", expiry, digest);

        (created.Id, created.Name, created.Role, created.CreatedBy).ShouldBe((id, "nightly cleanup", "admin", "dev admin (dev)"));
        created.ExpiresAt!.Value.ToUnixTimeMilliseconds().ShouldBe(expiry.ToUnixTimeMilliseconds());
        (await store.ListAsync()).ShouldContain(t => t.Id == id);
        var found = (await store.FindAsync(id)).ShouldNotBeNull();
        Secrets.Matches(Secrets.Digest(secret), found.SecretSha256).ShouldBeTrue();
        (await database.ScalarAsync<long>(
            "SELECT count(*) FROM api_tokens WHERE position($1 in (id::text || name || role || created_by || encode(secret_sha256, 'escape'))) > 0", secret))
            .ShouldBe(0, "the secret itself must not be stored");
        (await database.ScalarAsync<byte[]>("SELECT secret_sha256 FROM api_tokens WHERE id = $1", id)).ShouldBe(digest);

        // A second reader (another silo's data source) sees the revocation at once: there is no cache to invalidate.
        await using var otherSilo = NpgsqlDataSource.Create(database.ConnectionString);
        (await store.DeleteAsync(id)).ShouldBeTrue();
        (await new ApiTokenStore(otherSilo).FindAsync(id)).ShouldBeNull();
        (await store.DeleteAsync(id)).ShouldBeFalse();
        (await store.ListAsync()).ShouldNotContain(t => t.Id == id);
    }

    [Fact]
    public async Task A_role_that_is_not_a_token_role_is_refused_by_the_table()
    {
        var store = new ApiTokenStore(database.DataSource);
        var (id, _, digest) = ApiTokenFormat.New();

        await Should.ThrowAsync<PostgresException>(() => store.InsertAsync(id, "x", "none", "test", null, digest));
        (await store.FindAsync(id)).ShouldBeNull();
    }
}
