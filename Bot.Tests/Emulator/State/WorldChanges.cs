using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Changes to the world that Discord announces over the gateway, shared by REST handlers and test controls.
/// Callers hold the world's lock, so each change and its dispatch get consecutive sequence numbers.
/// </summary>
internal static class WorldChanges
{
    public static void AddChannel(World world, EmulatedChannel channel)
    {
        world.Channels[channel.Id] = channel;
        world.Record.Channels.Add(channel);
        world.Gateway.Dispatch("CHANNEL_CREATE", EntityJson.Channel(channel), channel.GuildId, Intents.Guilds);
    }

    public static void UpdateChannel(World world, EmulatedChannel channel) =>
        world.Gateway.Dispatch("CHANNEL_UPDATE", EntityJson.Channel(channel), channel.GuildId, Intents.Guilds);

    /// <summary>
    /// Deleting a voice channel disconnects its members first (VOICE_STATE_UPDATE with channel_id null), then
    /// CHANNEL_DELETE; a category's children lose their parent (CHANNEL_UPDATE each).
    /// </summary>
    public static void DeleteChannel(World world, EmulatedChannel channel)
    {
        if (channel.GuildId is { } guildId && world.Guilds.TryGetValue(guildId, out var guild))
        {
            foreach (var userId in world.VoiceMembers(channel).ToList())
                SetVoice(world, guild, userId, null);
        }
        world.Channels.Remove(channel.Id);
        channel.DeletedAt = world.Now;
        if (channel.Type == EmulatedChannelType.GuildCategory)
        {
            foreach (var child in world.Channels.Values.Where(c => c.ParentId == channel.Id).ToList())
            {
                child.ParentId = null;
                UpdateChannel(world, child);
            }
        }
        if (channel.DmKey is { } recipient)
            world.DmChannelByUser.Remove(recipient);
        world.Gateway.Dispatch("CHANNEL_DELETE", EntityJson.Channel(channel), channel.GuildId, Intents.Guilds);
    }

    /// <summary>The DM channel with a user: one per user, stable across calls (no gateway event for bots).</summary>
    public static EmulatedChannel DmChannel(World world, EmulatedUser user)
    {
        if (world.DmChannelByUser.TryGetValue(user.Id, out var id) && world.Channels.TryGetValue(id, out var existing))
            return existing;
        var channel = new EmulatedChannel(world.Ids.Next(), EmulatedChannelType.Dm, null, null, world.Now) { RecipientId = user.Id };
        world.Channels[channel.Id] = channel;
        world.Record.Channels.Add(channel);
        world.DmChannelByUser[user.Id] = channel.Id;
        return channel;
    }

    /// <summary>Moves a user into a voice channel, or out of voice with null, and dispatches VOICE_STATE_UPDATE.</summary>
    public static void SetVoice(World world, EmulatedGuild guild, Snowflake userId, EmulatedChannel? channel)
    {
        if (channel is null)
            guild.VoiceChannelByUser.Remove(userId);
        else
            guild.VoiceChannelByUser[userId] = channel.Id;
        var member = guild.MembersById.TryGetValue(userId, out var m) ? EntityJson.Member(m) : null;
        world.Gateway.Dispatch("VOICE_STATE_UPDATE", EntityJson.VoiceState(guild.Id, userId, channel?.Id, member), guild.Id, Intents.GuildVoiceStates);
    }

    public static void UpdateRole(World world, EmulatedGuild guild, EmulatedRole role, bool created) =>
        world.Gateway.Dispatch(created ? "GUILD_ROLE_CREATE" : "GUILD_ROLE_UPDATE",
            new System.Text.Json.Nodes.JsonObject { ["guild_id"] = guild.Id.ToString(), ["role"] = EntityJson.Role(role) },
            guild.Id, Intents.Guilds);
}
