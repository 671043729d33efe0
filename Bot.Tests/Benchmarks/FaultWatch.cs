using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Watches the day while it runs: every few seconds it looks at the live rooms (so a room that was public for a moment
/// and then fixed or deleted is still counted), restarts a bot that died by itself, and every 30 s prints a line.
/// </summary>
public sealed class FaultWatch(DiscordEmulator discord, FaultBot bot, IReadOnlyList<Snowflake> guilds, string databasePath, DateTimeOffset start)
{
    private static readonly TimeProvider Time = TimeProvider.System;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5), PrintEvery = TimeSpan.FromSeconds(30);
    private readonly HashSet<Snowflake> _public = [];
    private DateTimeOffset _printed = DateTimeOffset.MinValue;

    /// <summary>Rooms seen visible to someone other than their partners while they existed.</summary>
    public IReadOnlySet<Snowflake> SeenPublic => _public;

    public async Task UntilAsync(DateTimeOffset end, Func<bool>? done = null)
    {
        while (Time.GetUtcNow() < end && done?.Invoke() != true)
        {
            await bot.ReviveAsync();
            Look();
            await Task.Delay(Tick);
        }

        Look();
    }

    /// <summary>Every session with a slot up to <paramref name="lastSlot"/> ended, and no room is left standing.</summary>
    public bool DayIsOver(DateTimeOffset lastSlot)
    {
        try
        {
            return FaultRecord.Sessions(databasePath, lastSlot).All(s => s.Finished) && FaultRecord.Rooms(discord, [.. guilds]).All(r => r.DeletedAt is not null);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    private void Look()
    {
        var rooms = FaultRecord.Rooms(discord, [.. guilds]);
        foreach (var room in rooms.Where(r => r.DeletedAt is null && !_public.Contains(r.Id)))
        {
            if (FaultRecord.IsPublic(discord, room, FaultRecord.PartnersIn(room, discord.BotUserId)))
                _public.Add(room.Id);
        }

        var now = Time.GetUtcNow();
        if (now - _printed < PrintEvery)
            return;
        _printed = now;
        var messages = discord.Messages.Count(m => m.Source == MessageSource.ChannelMessage);
        var failed = discord.RequestsTo("POST " + FaultBenchmark.MessageRoute).Count(r => r.Status >= 500);
        Console.WriteLine($"  +{now - start:mm\\:ss} starts {bot.Starts}, kills {bot.Kills}, pid {bot.Pid}; sessions: {FaultRecord.Statuses(databasePath)}; " +
            $"rooms {rooms.Count} ({rooms.Count(r => r.DeletedAt is null)} live); messages {messages} ({failed} posts failed)");
    }
}
