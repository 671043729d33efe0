using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// The common part of INTERACTION_CREATE (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object):
/// ids, token, version 1, the invoking member with permissions computed for that channel, app_permissions, locales.
/// </summary>
internal static class InteractionPayloads
{
    public static JsonObject Base(World world, int type, EmulatedChannel channel, EmulatedUser user, string? locale)
    {
        var id = world.Ids.Next();
        var payload = new JsonObject
        {
            ["id"] = id.ToString(),
            ["application_id"] = world.ApplicationId.ToString(),
            ["type"] = type,
            ["token"] = "aW50ZXJhY3Rpb246" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
            ["version"] = 1,
            ["locale"] = locale ?? user.Locale,
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = MessageRoutes.MaxFileBytes,
            ["channel_id"] = channel.Id.ToString(),
        };
        if (channel.GuildId is { } guildId)
        {
            var guild = world.Guilds[guildId];
            var member = World.Member(guild, user.Id);
            payload["guild_id"] = guildId.ToString();
            payload["guild"] = new JsonObject { ["id"] = guildId.ToString(), ["locale"] = guild.PreferredLocale, ["features"] = new JsonArray() };
            payload["guild_locale"] = guild.PreferredLocale;
            payload["member"] = EntityJson.Member(member, withUser: true, PermissionCalculator.InChannel(guild, member, channel));
            payload["channel"] = PartialChannel(world, channel, user.Id);
            payload["app_permissions"] = EntityJson.Str(world.BotPermissions(guild, channel));
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId.ToString() };
            payload["context"] = 0;
        }
        else
        {
            payload["user"] = EntityJson.User(user);
            payload["channel"] = EntityJson.Channel(channel, user);
            payload["app_permissions"] = EntityJson.Str(DmPermissions);
            payload["authorizing_integration_owners"] = new JsonObject { ["0"] = "0" };
            payload["context"] = 1;
        }
        return payload;
    }

    /// <summary>What an app may do in a DM with a user (Discord sends a fixed set there).</summary>
    private const Perms DmPermissions = Perms.ViewChannel | Perms.SendMessages | Perms.EmbedLinks | Perms.AttachFiles
        | Perms.ReadMessageHistory | Perms.AddReactions | Perms.UseExternalEmojis | Perms.UseApplicationCommands;

    /// <summary>A channel as interactions show it: partial, with the viewer's permissions in it.</summary>
    public static JsonObject PartialChannel(World world, EmulatedChannel channel, Snowflake viewer)
    {
        var json = EntityJson.Channel(channel);
        json.Remove("permission_overwrites");
        if (channel.GuildId is { } guildId)
            json["permissions"] = EntityJson.Str(World.PermissionsOf(world.Guilds[guildId], viewer, channel));
        return json;
    }

    /// <summary>Registers and dispatches the interaction; it goes to the shard owning the guild, with no intent needed.</summary>
    public static InteractionHandle Dispatch(World world, JsonObject payload, EmulatedChannel channel, Snowflake userId, EmulatedMessage? source, int focusedType = 3)
    {
        if (!world.Gateway.Live.Any(s => s.OwnsGuild(channel.GuildId)))
            throw new InvalidOperationException("No gateway session is connected (or resumable) to receive the interaction.");
        var handle = new InteractionHandle(world, payload, channel, userId, source) { FocusedOptionType = focusedType };
        world.Interactions[handle.Id] = handle;
        world.InteractionsByToken[handle.Token] = handle;
        world.Gateway.Dispatch("INTERACTION_CREATE", payload, channel.GuildId, Intents.None);
        return handle;
    }
}
