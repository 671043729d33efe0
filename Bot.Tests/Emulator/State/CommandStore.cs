using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Registered application commands per scope ("global" or a guild id), as Discord returns them.</summary>
internal sealed class CommandStore
{
    private readonly Dictionary<string, List<JsonObject>> byScope = [];
    private readonly Dictionary<string, List<DateTimeOffset>> creations = [];

    public IReadOnlyList<JsonObject> Get(string scope) => byScope.TryGetValue(scope, out var list) ? list : [];

    public void Set(string scope, List<JsonObject> commands) => byScope[scope] = commands;

    /// <summary>The command a user would pick in this guild: a guild command shadows a global one of the same name.</summary>
    public JsonObject? Find(Snowflake guildId, string name, int type = 1) =>
        Get(guildId.ToString()).Concat(Get("global"))
            .FirstOrDefault(c => c["name"]?.GetValue<string>() == name && (c["type"]?.GetValue<int>() ?? 1) == type);

    /// <summary>New commands created in the last 24 hours in a scope (Discord allows 200 a day).</summary>
    public int CreatedSince(string scope, DateTimeOffset since) =>
        creations.TryGetValue(scope, out var list) ? list.Count(t => t > since) : 0;

    public void NoteCreations(string scope, DateTimeOffset at, int count)
    {
        if (!creations.TryGetValue(scope, out var list))
            creations[scope] = list = [];
        list.AddRange(Enumerable.Repeat(at, count));
    }
}
