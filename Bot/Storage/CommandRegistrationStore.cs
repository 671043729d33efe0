using CrossCoaching.Discord.Interactions;
using Dapper;

namespace CrossCoaching.Storage;

public sealed class CommandRegistrationStore(SqliteConnectionFactory connections, TimeProvider time) : ICommandRegistrationStore
{
    public async Task<string?> GetHashAsync(string scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT hash FROM command_registrations WHERE scope = @scope", new { scope });
    }

    public async Task SaveHashAsync(string scope, string hash, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO command_registrations (scope, hash, registered_at) VALUES (@scope, @hash, @at)
            ON CONFLICT (scope) DO UPDATE SET hash = excluded.hash, registered_at = excluded.registered_at
            """,
            new { scope, hash, at = time.GetUtcNow() });
    }

    public async Task<IReadOnlyList<string>> ListScopesAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // substr rather than LIKE: a scope holds no wildcard today, but nothing in a prefix should ever act as one.
        var scopes = await connection.QueryAsync<string>(
            "SELECT scope FROM command_registrations WHERE substr(scope, 1, length(@prefix)) = @prefix ORDER BY scope", new { prefix });
        return scopes.AsList();
    }

    public async Task ForgetAsync(string scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM command_registrations WHERE scope = @scope", new { scope });
    }

    public async Task<bool> TryClaimAsync(string scope, string hash, string owner, TimeSpan hold, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A claim of another set, or one whose registration never finished (its instance died), may be taken over.
        var claimed = await connection.QueryAsync<string>(
            """
            INSERT INTO command_registration_claims (scope, hash, owner, expires_at) VALUES (@scope, @hash, @owner, @until)
            ON CONFLICT (scope) DO UPDATE SET hash = excluded.hash, owner = excluded.owner, expires_at = excluded.expires_at
            WHERE command_registration_claims.hash <> excluded.hash OR command_registration_claims.expires_at <= @now
            RETURNING scope
            """, new { scope, hash, owner, now, until = now + hold });
        return claimed.Any();
    }

    public async Task ReleaseClaimAsync(string scope, string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM command_registration_claims WHERE scope = @scope AND owner = @owner", new { scope, owner });
    }
}
