using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>READY and GUILD_CREATE as Discord sends them (https://discord.com/developers/docs/events/gateway-events).</summary>
internal static class ReadyPayloads
{
    public static JsonObject Ready(World world, GatewaySession session, bool shardGiven)
    {
        var guilds = world.Guilds.Values.Where(g => session.OwnsGuild(g.Id))
            .Select(g => (JsonNode)new JsonObject { ["id"] = g.Id.ToString(), ["unavailable"] = true }).ToArray();
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = BotUser(world),
            ["guilds"] = new JsonArray(guilds),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = world.Gateway.ResumeUrl,
            ["session_type"] = "normal",
            ["private_channels"] = new JsonArray(),
            ["relationships"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["application"] = new JsonObject
            {
                ["id"] = world.ApplicationId.ToString(),
                ["flags"] = Intents.ApplicationFlags(world.Options.EnabledPrivilegedIntents),
            },
            ["_trace"] = new JsonArray("discord-emulator"),
        };
        if (shardGiven)
            ready["shard"] = new JsonArray(session.ShardId, session.ShardCount);
        return ready;
    }

    public static JsonObject BotUser(World world)
    {
        var user = EntityJson.User(world.Bot);
        user["verified"] = true;
        user["mfa_enabled"] = false;
        user["flags"] = 0;
        user["email"] = null;
        return user;
    }

    /// <summary>
    /// GUILD_CREATE. Without GUILD_PRESENCES, members hold only the bot and users in voice, as the docs say; voice
    /// states carry no guild_id; channels carry no guild_id.
    /// </summary>
    /// <param name="channels">The guild's channels when the caller has them at hand; by default looked up.</param>
    public static JsonObject GuildCreate(World world, EmulatedGuild guild, int intents, IEnumerable<EmulatedChannel>? channels = null)
    {
        var everyone = (intents & Intents.GuildPresences) != 0;
        var members = guild.MembersById.Values
            .Where(m => everyone || m.UserId == world.Bot.Id || guild.VoiceChannelByUser.ContainsKey(m.UserId))
            .Select(m => (JsonNode)EntityJson.Member(m)).ToArray();
        var voiceStates = guild.VoiceChannelByUser
            .Select(p => (JsonNode)EntityJson.VoiceState(null, p.Key, p.Value, null)).ToArray();
        return new JsonObject
        {
            ["id"] = guild.Id.ToString(),
            ["name"] = guild.Name,
            ["icon"] = null,
            ["owner_id"] = guild.OwnerId.ToString(),
            ["preferred_locale"] = guild.PreferredLocale,
            ["afk_channel_id"] = null,
            ["afk_timeout"] = 300,
            ["verification_level"] = 0,
            ["default_message_notifications"] = 1,
            ["explicit_content_filter"] = 0,
            ["mfa_level"] = 0,
            ["premium_tier"] = 0,
            ["nsfw_level"] = 0,
            ["system_channel_id"] = guild.SystemChannelId?.ToString(),
            ["features"] = new JsonArray(),
            ["roles"] = new JsonArray(guild.RolesById.Values.OrderBy(r => r.Position).Select(r => (JsonNode)EntityJson.Role(r)).ToArray()),
            ["emojis"] = new JsonArray(),
            ["stickers"] = new JsonArray(),
            ["channels"] = new JsonArray((channels?.OrderBy(c => c.Position).ThenBy(c => c.Id) ?? world.ChannelsOf(guild.Id)).Select(c => (JsonNode)EntityJson.Channel(c, withGuildId: false)).ToArray()),
            ["threads"] = new JsonArray(),
            ["members"] = new JsonArray(members),
            ["voice_states"] = new JsonArray(voiceStates),
            ["presences"] = new JsonArray(),
            ["stage_instances"] = new JsonArray(),
            ["guild_scheduled_events"] = new JsonArray(),
            ["soundboard_sounds"] = new JsonArray(),
            ["member_count"] = guild.MembersById.Count,
            ["large"] = false,
            ["unavailable"] = false,
            ["joined_at"] = EntityJson.Iso(guild.JoinedAt),
        };
    }
}
