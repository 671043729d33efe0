using System.Globalization;
using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Discord's JSON shapes of the world's objects (https://discord.com/developers/docs/resources).</summary>
internal static class EntityJson
{
    public static string Str(Perms permissions) => permissions.ToWire();

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static JsonObject User(EmulatedUser user)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id.ToString(),
            ["username"] = user.Username,
            ["discriminator"] = "0",
            ["global_name"] = user.GlobalName,
            ["avatar"] = null,
            ["public_flags"] = 0,
        };
        if (user.IsBot)
            json["bot"] = true;
        return json;
    }

    public static JsonObject Role(EmulatedRole role)
    {
        var json = new JsonObject
        {
            ["id"] = role.Id.ToString(),
            ["name"] = role.Name,
            ["color"] = 0,
            ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
            ["hoist"] = false,
            ["icon"] = null,
            ["unicode_emoji"] = null,
            ["position"] = role.Position,
            ["permissions"] = Str(role.Permissions),
            ["managed"] = role.ManagedForBot is not null,
            ["mentionable"] = role.Mentionable,
            ["flags"] = 0,
        };
        if (role.ManagedForBot is { } botId)
            json["tags"] = new JsonObject { ["bot_id"] = botId.ToString() };
        return json;
    }

    /// <summary>A guild member; <paramref name="withUser"/> false gives the partial form of interaction resolved data.</summary>
    public static JsonObject Member(EmulatedMember member, bool withUser = true, Perms? permissions = null)
    {
        var json = new JsonObject();
        if (withUser)
            json["user"] = User(member.User);
        json["nick"] = member.Nick;
        json["avatar"] = null;
        json["roles"] = new JsonArray(member.RoleIds.Select(r => (JsonNode?)r.ToString()).ToArray());
        json["joined_at"] = Iso(member.JoinedAt);
        json["premium_since"] = null;
        if (withUser)
        {
            json["deaf"] = false;
            json["mute"] = false;
        }
        json["flags"] = 0;
        json["pending"] = false;
        json["communication_disabled_until"] = null;
        if (permissions is { } p)
            json["permissions"] = Str(p);
        return json;
    }

    public static JsonObject Overwrite(EmulatedOverwrite overwrite) => new()
    {
        ["id"] = overwrite.Id.ToString(),
        ["type"] = overwrite.Type,
        ["allow"] = Str(overwrite.Allow),
        ["deny"] = Str(overwrite.Deny),
    };

    /// <summary>A channel; GUILD_CREATE lists its channels without guild_id, as Discord does.</summary>
    public static JsonObject Channel(EmulatedChannel channel, EmulatedUser? recipient = null, bool withGuildId = true)
    {
        var json = new JsonObject { ["id"] = channel.Id.ToString(), ["type"] = (int)channel.Type, ["flags"] = 0 };
        if (channel.Type == EmulatedChannelType.Dm)
        {
            json["last_message_id"] = channel.LastMessageId?.ToString();
            json["recipients"] = new JsonArray(recipient is null ? [] : [User(recipient)]);
            return json;
        }
        if (withGuildId)
            json["guild_id"] = channel.GuildId?.ToString();
        json["name"] = channel.Name;
        json["position"] = channel.Position;
        json["parent_id"] = channel.ParentId?.ToString();
        json["permission_overwrites"] = new JsonArray(channel.Overwrites.Select(o => (JsonNode)Overwrite(o)).ToArray());
        json["nsfw"] = false;
        if (channel.Type != EmulatedChannelType.GuildCategory)
        {
            json["last_message_id"] = channel.LastMessageId?.ToString();
            json["rate_limit_per_user"] = 0;
        }
        if (channel.IsVoice)
        {
            json["bitrate"] = channel.Bitrate;
            json["user_limit"] = channel.UserLimit;
            json["rtc_region"] = null;
        }
        else if (channel.Type != EmulatedChannelType.GuildCategory)
        {
            json["topic"] = channel.Topic;
        }
        return json;
    }

    public static JsonObject VoiceState(Snowflake? guildId, Snowflake userId, Snowflake? channelId, JsonObject? member)
    {
        var json = new JsonObject();
        if (guildId is { } g)
            json["guild_id"] = g.ToString();
        json["channel_id"] = channelId?.ToString();
        json["user_id"] = userId.ToString();
        if (member is not null)
            json["member"] = member;
        json["session_id"] = $"voice-{userId}";
        json["deaf"] = false;
        json["mute"] = false;
        json["self_deaf"] = false;
        json["self_mute"] = false;
        json["self_video"] = false;
        json["suppress"] = false;
        json["request_to_speak_timestamp"] = null;
        return json;
    }
}
