using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>The emulated servers of a burst and the pairs seeded into the bot's database.</summary>
public sealed record BurstWorld(DiscordEmulator Discord, IReadOnlyList<Snowflake> Guilds, int Pairs, DateTimeOffset Slot)
{
    /// <summary>Each ritual's time-box and the grace after it: the warning at slot + 1 min, the close due at slot + 2 min.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1), Grace = TimeSpan.FromMinutes(1);

    /// <summary>Discord's channel creations per server, as the emulator holds the bot to them (429 with retry_after beyond).</summary>
    public static readonly RateLimitRule CreationLimit = new(5, TimeSpan.FromSeconds(10));

    public static async Task<BurstWorld> BuildAsync(DiscordEmulator discord, string connectionString, int pairs, int guilds, DateTimeOffset now, TimeSpan lead)
    {
        var owner = discord.AddUser("owner");
        var seeder = await RoomSeeder.OpenConnectionAsync(connectionString);
        var slot = NextWholeMinute(now + lead);
        var ids = new List<Snowflake>();
        for (var g = 0; g < guilds; g++)
        {
            var guild = discord.AddGuild($"Coaching {g}", owner).Id;
            ids.Add(guild);
            var home = discord.AddTextChannel(guild, "general");
            var category = discord.AddCategory(guild, "Rooms");
            await seeder.AddGuildAsync(guild, category.Id);
            for (var p = g; p < pairs; p += guilds)
            {
                var (a, b) = (discord.AddUser($"a{p:0000}"), discord.AddUser($"b{p:0000}"));
                foreach (var member in new[] { a, b })
                {
                    discord.AddMember(guild, member.Id);
                    await seeder.AddDmChannelAsync(member.Id, discord.OpenDmChannel(member.Id).Id);
                }

                await seeder.AddPairAsync(guild, home.Id, (a.Id, a.Username), (b.Id, b.Username), slot,
                    (int)Duration.TotalMinutes, reminderMinutes: 0);
            }
        }

        RoomSeeder.Release();
        return new BurstWorld(discord, ids, pairs, slot);
    }

    public IReadOnlyList<EmulatedChannel> Rooms() =>
        [.. Discord.ChannelsCreatedByBot.Where(c => c.GuildId is { } g && Guilds.Contains(g) && c.Type == EmulatedChannelType.GuildVoice)];

    private static DateTimeOffset NextWholeMinute(DateTimeOffset after)
    {
        var minute = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return minute < after ? minute.AddMinutes(1) : minute;
    }
}
