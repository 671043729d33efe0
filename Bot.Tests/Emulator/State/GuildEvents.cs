using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>GUILD_CREATE and GUILD_UPDATE for live sessions; GUILD_CREATE depends on each session's intents.</summary>
internal static class GuildEvents
{
    public static void Created(World world, EmulatedGuild guild)
    {
        foreach (var session in world.Gateway.Live.Where(s => (s.Intents & Intents.Guilds) != 0 && s.OwnsGuild(guild.Id)).ToList())
            session.Dispatch("GUILD_CREATE", ReadyPayloads.GuildCreate(world, guild, session.Intents));
        world.Touch();
    }

    public static JsonObject Update(World world, EmulatedGuild guild)
    {
        var data = ReadyPayloads.GuildCreate(world, guild, Intents.None);
        foreach (var key in new[] { "channels", "members", "voice_states", "threads", "presences", "stage_instances", "guild_scheduled_events", "soundboard_sounds", "member_count", "large", "unavailable", "joined_at" })
            data.Remove(key);
        return data;
    }
}
