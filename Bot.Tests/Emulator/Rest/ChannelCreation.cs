using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// <c>POST /guilds/{guild_id}/channels</c> (https://discord.com/developers/docs/resources/guild#create-guild-channel):
/// checks the body, the bot's MANAGE_CHANNELS, the rule that "only permissions your bot has in the guild can be
/// allowed/denied" (and MANAGE_ROLES only for administrators), and the 50-per-category and 500-per-guild limits.
/// </summary>
internal sealed class ChannelCreation(World world, EmulatedGuild guild, JsonObject body)
{
    private static readonly int[] CreatableTypes = [0, 2, 4, 5, 13, 15];

    public EmulatedChannel Create()
    {
        var errors = new FormErrors();
        errors.CheckLength(body["name"], "name", 1, 100, required: true);
        var type = body["type"] is null ? 0 : JsonRead.Int(body["type"]) ?? -1;
        if (!CreatableTypes.Contains(type))
            errors.Choices("type", "(0, 2, 4, 5, 13, 15)");
        var parent = Parent(type, errors);
        var voice = type is 2 or 13;
        var userLimit = Number("user_limit", 0, type == 13 ? 10000 : 99, voice, errors);
        var bitrate = Number("bitrate", 8000, 96000, voice, errors);
        errors.CheckLength(body["topic"], "topic", 0, 1024, required: false);
        var overwrites = new OverwriteParser(guild).Parse(body["permission_overwrites"], errors);
        errors.ThrowIfAny();
        CheckPermissions(parent, overwrites);
        CheckLimits(parent);
        var name = JsonRead.Str(body["name"])!;
        var channel = new EmulatedChannel(world.Ids.Next(), (EmulatedChannelType)type, guild.Id, TextName(type, name), world.Now)
        {
            CreatedByBot = true,
        };
        channel.ParentId = parent?.Id;
        channel.Position = JsonRead.Int(body["position"]) ?? world.ChannelsOf(guild.Id).Count(c => c.ParentId == channel.ParentId);
        channel.UserLimit = voice ? userLimit ?? 0 : 0;
        channel.Bitrate = bitrate ?? 64000;
        channel.Topic = JsonRead.Str(body["topic"]);
        channel.Overwrites = Overwrites(parent, overwrites);
        WorldChanges.AddChannel(world, channel);
        return channel;
    }

    /// <summary>
    /// A channel created in a category without <c>permission_overwrites</c> starts synced with it (a copy of the
    /// category's overwrites); one created with them has exactly those, nothing inherited. A scripted fault can drop them.
    /// </summary>
    private IReadOnlyList<EmulatedOverwrite> Overwrites(EmulatedChannel? parent, IReadOnlyList<EmulatedOverwrite> asked)
    {
        if (body["permission_overwrites"] is null)
            return parent?.Overwrites.ToList() ?? [];
        if (world.OverwriteDropsLeft <= 0)
            return asked;
        world.OverwriteDropsLeft--;
        return [];
    }

    /// <summary>Text channel names are lowercased with spaces turned to dashes by Discord; voice and category names are kept.</summary>
    private static string TextName(int type, string name) =>
        type is 0 or 5 ? name.Trim().ToLowerInvariant().Replace(' ', '-') : name;

    private EmulatedChannel? Parent(int type, FormErrors errors)
    {
        if (body["parent_id"] is null)
            return null;
        var id = JsonRead.Id(body["parent_id"]);
        if (id is null || !world.Channels.TryGetValue(id.Value, out var parent) || parent.GuildId != guild.Id)
        {
            errors.Add("parent_id", "CHANNEL_PARENT_INVALID", "Category does not exist");
            return null;
        }
        if (parent.Type != EmulatedChannelType.GuildCategory || type == 4)
        {
            errors.Add("parent_id", "CHANNEL_PARENT_INVALID_TYPE", "Not a category");
            return null;
        }
        return parent;
    }

    private int? Number(string key, int min, int max, bool applies, FormErrors errors)
    {
        if (body[key] is null || !applies)
            return null;
        if (JsonRead.Int(body[key]) is not { } value)
        {
            errors.Add(key, "NUMBER_TYPE_COERCE", $"Value \"{body[key]!.ToJsonString()}\" is not int.");
            return null;
        }
        if (value < min)
            errors.Add(key, "NUMBER_TYPE_MIN", $"int value should be greater than or equal to {min}.");
        else if (value > max)
            errors.Add(key, "NUMBER_TYPE_MAX", $"int value should be less than or equal to {max}.");
        return value;
    }

    private void CheckPermissions(EmulatedChannel? parent, IReadOnlyList<EmulatedOverwrite> overwrites)
    {
        var inGuild = world.BotPermissions(guild);
        var inParent = parent is null ? Perms.None : world.BotPermissions(guild, parent);
        if (((inGuild | inParent) & Perms.ManageChannels) == 0)
            throw DiscordError.Forbidden(50013);
        if ((inGuild & Perms.Administrator) != 0)
            return;
        var touched = overwrites.Aggregate(Perms.None, (bits, o) => bits | o.Allow | o.Deny);
        if ((touched & ~(inGuild | inParent)) != 0 || (touched & Perms.ManageRoles) != 0)
            throw DiscordError.Forbidden(50013);
    }

    private void CheckLimits(EmulatedChannel? parent)
    {
        if (parent is not null && world.Channels.Values.Count(c => c.ParentId == parent.Id) >= 50)
            throw DiscordError.Form("parent_id", "CHANNEL_PARENT_MAX_CHANNELS", "Maximum number of channels in category reached (50)");
        if (world.ChannelsOf(guild.Id).Count() >= 500)
            throw DiscordError.BadRequest(30013);
    }
}
