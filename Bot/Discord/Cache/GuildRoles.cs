using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// A guild's roles as the permission algorithm reads them: permissions and position, not names (nothing reads them,
/// and a thousand guilds of fifty roles would keep megabytes of them). A <see cref="Role"/> is made on each read.
/// Immutable: a change copies the guild's few dozen entries.
/// </summary>
internal sealed class GuildRoles : IReadOnlyDictionary<Snowflake, Role>
{
    public static readonly GuildRoles Empty = new(new Dictionary<Snowflake, (Permissions, int)>());

    private readonly Dictionary<Snowflake, (Permissions Permissions, int Position)> _roles;

    private GuildRoles(Dictionary<Snowflake, (Permissions, int)> roles) => _roles = roles;

    public static GuildRoles Of(IEnumerable<Role> roles)
    {
        var map = new Dictionary<Snowflake, (Permissions, int)>();
        foreach (var role in roles)
            map[role.Id] = (role.Permissions, role.Position);
        map.TrimExcess();
        return new GuildRoles(map);
    }

    public GuildRoles With(Role role) => new(new Dictionary<Snowflake, (Permissions, int)>(_roles) { [role.Id] = (role.Permissions, role.Position) });

    public GuildRoles Without(Snowflake roleId)
    {
        var map = new Dictionary<Snowflake, (Permissions, int)>(_roles);
        map.Remove(roleId);
        return new GuildRoles(map);
    }

    public Role this[Snowflake key] => TryGetValue(key, out var role) ? role : throw new KeyNotFoundException($"No role {key}.");

    public IEnumerable<Snowflake> Keys => _roles.Keys;

    public IEnumerable<Role> Values => _roles.Select(r => Make(r.Key, r.Value));

    public int Count => _roles.Count;

    public bool ContainsKey(Snowflake key) => _roles.ContainsKey(key);

    public bool TryGetValue(Snowflake key, [MaybeNullWhen(false)] out Role value)
    {
        value = _roles.TryGetValue(key, out var role) ? Make(key, role) : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<Snowflake, Role>> GetEnumerator() =>
        _roles.Select(r => KeyValuePair.Create(r.Key, Make(r.Key, r.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Role Make(Snowflake id, (Permissions Permissions, int Position) role) => new(id, "", role.Permissions, role.Position);
}
