using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CrossCoaching.Benchmarks;

/// <summary>The rooms benchmark's figures, from the emulator's record of channels and requests and the bot's database.</summary>
public static class RoomsReport
{
    public static void Print(BotRun run, Snowflake guild, int pairs, DateTimeOffset slot, DateTimeOffset closeDue)
    {
        var discord = run.Discord;
        var rooms = RoomsBenchmark.RoomsOf(discord, guild);
        var atSlot = rooms.Count(r => r.CreatedAt <= slot && (r.DeletedAt is null || r.DeletedAt > slot));
        var deleted = rooms.Where(r => r.DeletedAt is not null).ToList();
        var latestReady = rooms.Count > 0 ? rooms.Max(r => r.CreatedAt) - slot : (TimeSpan?)null;
        var latestClose = deleted.Count > 0 ? deleted.Max(r => r.DeletedAt!.Value) - closeDue : (TimeSpan?)null;
        var closeMet = deleted.Count == pairs && latestClose < RoomsBenchmark.CloseTarget;
        var overflow = discord.ChannelsCreatedByBot.Count(c => c.GuildId == guild && c.Type == EmulatedChannelType.GuildCategory);
        var dms = discord.RequestsTo("POST /users/@me/channels");
        var limited = discord.Requests.Where(r => r.Status == 429).GroupBy(r => r.Route ?? r.Path).Select(g => $"{g.Key} ×{g.Count()}");

        Console.WriteLine();
        Line("rooms existing at the slot", $"{atSlot}/{pairs}", $"target: all   {InteractionsBenchmark.Verdict(atSlot == pairs)}");
        Line("latest room ready", latestReady is { } ready ? $"slot{Seconds(ready)}" : "none", "(negative = before the slot)");
        Line("latest close after its due time", latestClose is { } close ? Seconds(close) : "none",
            $"target: under {RoomsBenchmark.CloseTarget.TotalSeconds:0} s   {InteractionsBenchmark.Verdict(closeMet)}");
        Line("rooms deleted within 60 s of due", $"{deleted.Count(r => r.DeletedAt - closeDue < RoomsBenchmark.CloseTarget)}/{pairs}", "");
        Line("rooms created / deleted", $"{rooms.Count} / {deleted.Count}", "");
        Line("channel creation requests", $"{discord.RequestsTo(RoomsBenchmark.ChannelRoute).Count}", "(rooms + overflow categories + refused ones)");
        Line("429s (global) / early retries", $"{discord.RateLimitedCount} ({discord.GlobalRateLimitedCount}) / {discord.EarlyRetryCount}", string.Join(", ", limited));
        Line("overflow categories created", $"{overflow}", "(a category holds 50 channels)");
        Line("DM channels opened", $"{dms.Count}", dms.Count > 0 ? $"last at close due{Seconds(dms.Max(r => r.At) - closeDue)}" : "");
        Line("sessions in the bot's database", SessionStatuses(run.DatabasePath), "");
        var (perSession, routes) = SessionRequests.Of(discord.Requests, pairs);
        Line("REST requests per session", perSession.ToString("0.00", CultureInfo.InvariantCulture),
            $"target: at most {SessionRequests.Target:0}   {InteractionsBenchmark.Verdict(perSession <= SessionRequests.Target)}");
        Console.WriteLine($"    {SessionRequests.Describe(routes)}");
        if (discord.InternalErrors.Count > 0)
            Line("emulator internal errors", $"{discord.InternalErrors.Count}", discord.InternalErrors[0].Message);
        Console.WriteLine();
    }

    public static string Seconds(TimeSpan offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{(offset < TimeSpan.Zero ? "−" : "+")}{Math.Abs(offset.TotalSeconds):0.0} s");

    private static void Line(string what, string value, string note) => Console.WriteLine($"  {what,-34} {value,-16} {note}");

    private static string SessionStatuses(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        var rows = connection.Query<(string Status, long Count)>("SELECT status, COUNT(*) FROM sessions GROUP BY status ORDER BY status");
        return string.Join(", ", rows.Select(r => $"{r.Count} {r.Status}"));
    }
}
