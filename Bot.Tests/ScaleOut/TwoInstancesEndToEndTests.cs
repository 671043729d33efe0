using System.Diagnostics;
using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.Fakes;
using CrossCoaching.Tests.Hosting;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CrossCoaching.Tests.ScaleOut;

/// <summary>
/// Issue 10's acceptance: two bot processes on one PostgreSQL database against the emulator with two shards, 20 pairs
/// in 4 servers (two on each shard) at one slot. One process is killed (SIGKILL) once the rooms are open; every room
/// is still created once and closed once, no message is sent twice, and the other process connects the dead one's
/// shard within a minute. Real time passes here (two processes cannot share a fake clock), so every wait the bot has is
/// configured short: the slot a minute and a half away (time for both processes to start and plan every session on a
/// loaded machine), a one-minute session, rooms prepared seconds ahead at a pace the emulator allows, and an 8-second shard lease.
/// </summary>
public sealed class TwoInstancesEndToEndTests(ITestOutputHelper output)
{
    private const int PairsPerGuild = 5;
    private static readonly TimeProvider Time = TimeProvider.System;

    [Fact]
    public async Task Two_processes_share_the_shards_and_a_killed_ones_sessions_and_shard_are_finished_by_the_other_once()
    {
        var connectionString = PostgresServer.Instance.CreateMigratedDatabase();
        // Rooms created and deleted ten a second per server: the bot's own pacing is set to match (Sessions__ below).
        var fast = new RateLimitRule(20, TimeSpan.FromSeconds(2));
        await using var discord = await DiscordEmulator.StartAsync(new EmulatorOptions
        {
            Shards = 2,
            HeartbeatInterval = TimeSpan.FromSeconds(10),
            RateLimits = new Dictionary<string, RateLimitRule> { ["POST /guilds/{guild_id}/channels"] = fast, ["DELETE /channels/{channel_id}"] = fast },
        });
        var owner = discord.AddUser("owner");
        var guilds = new List<Snowflake>();
        while (guilds.Count(g => Shard(g) == 0) < 2 || guilds.Count(g => Shard(g) == 1) < 2)
        {
            var id = discord.AddGuild($"Club {guilds.Count}", owner.Id).Id;
            if (guilds.Count(g => Shard(g) == Shard(id)) < 2)
                guilds.Add(id);
        }

        // 5 rooms per server at 600 a minute are prepared from 3 s before the slot; the processes get a minute and a half
        // to start and plan every session (a session planned after its slot would be missed, never opened late): a
        // loaded 2-core machine running the rest of the suite took over a minute.
        var slot = WholeSecond(Time.GetUtcNow() + TimeSpan.FromSeconds(90));
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = connectionString }));
        foreach (var guild in guilds)
            await SeedAsync(connections, discord, guild, slot);

        using var folder = new TempFolder();
        var settings = new Dictionary<string, string>
        {
            ["DISCORD_TOKEN"] = discord.Token,
            ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
            ["ConnectionStrings__CrossCoaching"] = connectionString,
            ["Discord__ShardLeaseSeconds"] = "8",
            ["Sessions__MinimumDurationMinutes"] = "1",
            ["Sessions__GraceMinutes"] = "0",
            ["Sessions__RoomLeadSeconds"] = "2",
            ["Sessions__RoomsPerMinute"] = "600",
            ["Sessions__RoomsPerSecondInAll"] = "50",
            ["Sessions__ClosesPerSecond"] = "50",
        };
        using var first = Bot.Start(folder, "first", settings);
        using var second = Bot.Start(folder, "second", settings);
        try
        {
            var pairs = guilds.Count * PairsPerGuild;
            await WaitAsync(() => PlannedAsync(connections).Result == pairs, slot, "every session planned before its slot", first, second);
            await WaitAsync(() => Rooms(discord, guilds).Count(r => r.DeletedAt is null) == pairs, slot + TimeSpan.FromSeconds(40), "every room open", first, second);
            await Task.Delay(Until(slot + TimeSpan.FromSeconds(5)));

            // Kill the process holding shard 1 (any shard would do) mid-slot.
            var holder = await HolderAsync(connections, shard: 1);
            var victim = new[] { first, second }.Single(b => holder.Contains($"-{b.Process.Id}-", StringComparison.Ordinal));
            var survivor = victim == first ? second : first;
            var killedAt = discord.Now;
            Assert.All(Rooms(discord, guilds), r => Assert.Null(r.DeletedAt)); // mid-slot: no room closed yet
            victim.Process.Kill();
            await victim.Process.WaitForExitAsync();
            output.WriteLine($"killed {victim.Name} (pid {victim.Process.Id}) at {killedAt:HH:mm:ss}, slot {slot:HH:mm:ss}");

            await WaitAsync(() => Rooms(discord, guilds).Count(r => r.DeletedAt is not null) == pairs, slot + TimeSpan.FromMinutes(3), "every room closed", survivor);
            await WaitAsync(() => ShardReadyAfter(discord, 1, killedAt) is not null, killedAt + TimeSpan.FromSeconds(70), "shard 1 connected again", survivor);

            var rooms = Rooms(discord, guilds);
            Assert.Equal(pairs, rooms.Count);
            Assert.Equal(pairs, rooms.Select(r => (r.GuildId, r.Name)).Distinct().Count());
            Assert.All(rooms, r => Assert.NotNull(r.DeletedAt));
            var deletes = discord.Requests.Where(r => r.Method == "DELETE" && r.Path.Contains("/channels/", StringComparison.Ordinal)).GroupBy(r => r.Path);
            Assert.All(deletes, d => Assert.Single(d));
            var messages = discord.Messages.GroupBy(m => (m.ChannelId, m.Content)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(messages);
            Assert.Equal(1, discord.CommandOverwriteCount(null));
            Assert.InRange(ShardReadyAfter(discord, 1, killedAt)!.Value - killedAt, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        }
        finally
        {
            output.WriteLine(first.Log);
            output.WriteLine(second.Log);
            PostgresServer.Instance.Drop(connectionString);
        }
    }

    private static int Shard(Snowflake guild) => (int)((guild.Value >> 22) % 2);

    private static List<EmulatedChannel> Rooms(DiscordEmulator discord, IReadOnlyCollection<Snowflake> guilds) =>
        [.. discord.ChannelsCreatedByBot.Where(c => c.Type == EmulatedChannelType.GuildVoice && c.GuildId is { } g && guilds.Contains(g))];

    private static DateTimeOffset? ShardReadyAfter(DiscordEmulator discord, int shard, DateTimeOffset after) =>
        discord.Identifies.FirstOrDefault(i => i.At > after && i.Outcome == "ready" && i.Payload["shard"]?[0]?.GetValue<int>() == shard)?.At;

    private static async Task<long> PlannedAsync(SqliteConnectionFactory connections)
    {
        await using var db = await connections.OpenAsync();
        return await db.ExecuteScalarAsync<long>("SELECT count(*) FROM sessions");
    }

    private static async Task<string> HolderAsync(SqliteConnectionFactory connections, int shard)
    {
        await using var db = await connections.OpenAsync();
        return await db.ExecuteScalarAsync<string>("SELECT owner FROM shard_leases WHERE shard_id = @shard", new { shard = (long)shard }) ?? "";
    }

    private static async Task SeedAsync(SqliteConnectionFactory connections, DiscordEmulator discord, Snowflake guild, DateTimeOffset slot)
    {
        var home = discord.AddTextChannel(guild, "general");
        var category = discord.AddCategory(guild, "Rooms");
        await new GuildSettingsRepository(connections, Time).SaveAsync(new GuildConfig(guild, CategoryId: category.Id, TimeZone: "UTC"));
        var now = Time.GetUtcNow();
        for (var i = 0; i < PairsPerGuild; i++)
        {
            var (a, b) = (discord.AddUser($"a{guild.Value % 1000}-{i}"), discord.AddUser($"b{guild.Value % 1000}-{i}"));
            discord.AddMember(guild, a.Id);
            discord.AddMember(guild, b.Id);
            var invitation = await new InvitationRepository(connections).CreateAsync(guild, home.Id, a.Id, a.Username, b.Id, now, now.AddHours(1));
            var (_, pair) = await new PairRepository(connections).CreateFromInvitationAsync(invitation!, a.Username, b.Username, now);
            var utc = slot.UtcDateTime;
            var rule = new RitualRule(RitualFrequency.Week, utc.DayOfWeek, TimeOnly.FromDateTime(utc), "UTC", DateOnly.FromDateTime(utc));
            await new RitualRepository(connections).SaveAsync(new Ritual(pair!.Id, rule, 1, 0, Paused: false, PausedUntil: null, now, a.Id));
        }
    }

    private static async Task WaitAsync(Func<bool> done, DateTimeOffset giveUp, string what, params Bot[] bots)
    {
        while (!done())
        {
            foreach (var bot in bots)
                if (bot.Process.HasExited)
                    Assert.Fail($"{bot.Name} exited ({bot.Process.ExitCode}) before {what}:\n{bot.Log}");
            Assert.True(Time.GetUtcNow() < giveUp, $"no {what} by {giveUp:HH:mm:ss}");
            await Task.Delay(500);
        }
    }

    private static TimeSpan Until(DateTimeOffset due) => due - Time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    /// <summary>A ritual's time of day is stored to the second.</summary>
    private static DateTimeOffset WholeSecond(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>One bot process, its console kept for the test's output.</summary>
    private sealed class Bot : IDisposable
    {
        private readonly StringBuilder _log = new();

        private Bot(string name, Process process) => (Name, Process) = (name, process);

        public string Name { get; }

        public Process Process { get; }

        public string Log
        {
            get
            {
                lock (_log)
                    return $"--- {Name} ---\n{_log}";
            }
        }

        public static Bot Start(TempFolder folder, string name, IReadOnlyDictionary<string, string> settings)
        {
            var start = new ProcessStartInfo("dotnet", [ProcessTests.BotAssembly()])
            {
                WorkingDirectory = folder.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var key in new[] { "DISCORD_TOKEN", "Discord__Token", "Logging__Console__FormatterName" })
                start.Environment.Remove(key);
            foreach (var (key, value) in settings)
                start.Environment[key] = value;
            var bot = new Bot(name, Process.Start(start)!);
            bot.Process.OutputDataReceived += (_, e) => bot.Append(e.Data);
            bot.Process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
            bot.Process.BeginOutputReadLine();
            bot.Process.BeginErrorReadLine();
            return bot;
        }

        private void Append(string? line)
        {
            lock (_log)
                _log.AppendLine(line);
        }

        /// <summary>
        /// Killed, not stopped: the test is over and its database is dropped next, and a graceful stop (scheduler,
        /// leases, gateway) cost the test up to half a minute. ProcessTests cover the clean stop on SIGTERM.
        /// </summary>
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit(TimeSpan.FromSeconds(30));
            }

            Process.Dispose();
        }
    }
}
