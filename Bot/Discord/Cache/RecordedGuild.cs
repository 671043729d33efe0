using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Cache;

/// <summary>A category as the shard's instance recorded it: the bot's permissions there, its name, what it holds.</summary>
public sealed record RecordedCategory(Snowflake Id, string Name, Permissions BotPermissions, IReadOnlyList<Snowflake> Channels);

/// <summary>
/// A guild as the instance holding its shard recorded it in the database (<c>guild_state</c>), for the other instances.
/// Only categories are kept with their permissions and channels: a room step needs nothing of other channels.
/// </summary>
public sealed record RecordedGuild(
    Snowflake Id,
    string Name,
    Snowflake OwnerId,
    Snowflake? SystemChannelId,
    string PreferredLocale,
    Permissions GuildPermissions,
    IReadOnlyList<RecordedCategory> Categories) : IGuildFacts
{
    public Permissions? BotPermissions(Snowflake? categoryId = null) =>
        categoryId is not { } id ? GuildPermissions : Categories.FirstOrDefault(c => c.Id == id)?.BotPermissions;

    public string? CategoryName(Snowflake categoryId) => Categories.FirstOrDefault(c => c.Id == categoryId)?.Name;

    public IReadOnlyCollection<Snowflake> ChannelsIn(Snowflake categoryId) => Categories.FirstOrDefault(c => c.Id == categoryId)?.Channels ?? [];

    /// <summary>Everything the record says, as one text: the recorder compares it to skip a write that changes nothing.</summary>
    public string Fingerprint() =>
        $"{Name}\n{OwnerId}\n{SystemChannelId}\n{PreferredLocale}\n{(ulong)GuildPermissions}\n{CategoriesJson.Write(Categories)}";

    /// <summary>The guild as the cache holds it, seen by the bot's user.</summary>
    public static RecordedGuild Of(CachedGuild guild, Snowflake bot)
    {
        var children = guild.Channels.Values.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value, c => c.Id);
        return new(guild.Id, guild.Name, guild.OwnerId, guild.SystemChannelId, guild.PreferredLocale,
            PermissionCalculator.ForBot(guild, bot) ?? Permissions.None,
            [.. guild.Channels.Values.Where(c => c.Type == ChannelType.GuildCategory).OrderBy(c => c.Id.Value)
                .Select(c => new RecordedCategory(c.Id, c.Name ?? "", PermissionCalculator.ForBot(guild, bot, c.Id) ?? Permissions.None,
                    [.. children[c.Id].OrderBy(id => id.Value)]))]);
    }
}

/// <summary>The categories column: compact JSON (short names; ids and permissions as numbers).</summary>
public static class CategoriesJson
{
    public static string Write(IReadOnlyList<RecordedCategory> categories) =>
        JsonSerializer.Serialize([.. categories.Select(c => new Row(c.Id.Value, c.Name, (ulong)c.BotPermissions, [.. c.Channels.Select(x => x.Value)]))],
            CategoriesJsonContext.Default.RowArray);

    public static IReadOnlyList<RecordedCategory> Read(string json) =>
        [.. (JsonSerializer.Deserialize(json, CategoriesJsonContext.Default.RowArray) ?? [])
            .Select(r => new RecordedCategory(new Snowflake(r.I), r.N, (Permissions)r.P, [.. r.C.Select(x => new Snowflake(x))]))];

    internal sealed record Row(ulong I, string N, ulong P, ulong[] C);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CategoriesJson.Row[]))]
internal sealed partial class CategoriesJsonContext : JsonSerializerContext;
