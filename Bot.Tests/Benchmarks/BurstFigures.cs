using System.Globalization;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Emulator;
using Dapper;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Benchmarks;

/// <summary>The burst's figures, from the emulator's record and the bot's database (the close steps' due and done times).</summary>
public sealed record BurstFigures(
    int Pairs,
    int RoomsAtSlot,
    TimeSpan? LatestReady,
    int Closed,
    int ClosedWithinTarget,
    TimeSpan? CloseLateP99,
    TimeSpan? CloseSpread,
    int RateLimited,
    int GlobalRateLimited,
    int EarlyRetries,
    int MemberRequests,
    int DmChannelsOpened,
    double RequestsPerSession,
    IReadOnlyList<(string Route, double PerSession)> Routes,
    string Statuses)
{
    /// <summary>A close counts as on time within this of its due time.</summary>
    public static readonly TimeSpan CloseTarget = TimeSpan.FromSeconds(5);

    public double RoomsAtSlotShare => Pairs == 0 ? 0 : (double)RoomsAtSlot / Pairs;

    public double ClosedWithinShare => Pairs == 0 ? 0 : (double)ClosedWithinTarget / Pairs;


    public static BurstFigures Of(DiscordEmulator discord, BurstWorld world, string connectionString)
    {
        var rooms = world.Rooms();
        var atSlot = rooms.Count(r => r.CreatedAt <= world.Slot && (r.DeletedAt is null || r.DeletedAt > world.Slot));
        var closes = Closes(connectionString);
        var late = closes.Select(c => c.Done - c.Due).OrderBy(t => t).ToList();
        var closeAt = world.Slot + BurstWorld.Duration + BurstWorld.Grace;
        var pairs = world.Pairs;
        var (perSession, routes) = SessionRequests.Of(discord.Requests, pairs);
        return new BurstFigures(pairs, atSlot, rooms.Count > 0 ? rooms.Max(r => r.CreatedAt) - world.Slot : null,
            late.Count, late.Count(l => l <= CloseTarget), late.Count > 0 ? late[Math.Min(late.Count - 1, (int)Math.Ceiling(late.Count * 0.99) - 1)] : null,
            closes.Count > 0 ? closes.Max(c => c.Due) - closeAt : null,
            discord.RateLimitedCount, discord.GlobalRateLimitedCount, discord.EarlyRetryCount, discord.MemberRequests.Count,
            discord.RequestsTo("POST /users/@me/channels").Count, perSession, routes, ReadStatuses(connectionString));
    }

    public static long OutboxPending(string connectionString)
    {
        using var connections = Connections(connectionString);
        using var connection = connections.OpenAsync().GetAwaiter().GetResult();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM outbox WHERE state = 'pending'");
    }

    private static List<(DateTimeOffset Due, DateTimeOffset Done)> Closes(string connectionString)
    {
        using var connections = Connections(connectionString);
        using var connection = connections.OpenAsync().GetAwaiter().GetResult();
        return [.. connection.Query<(DateTimeOffset, DateTimeOffset)>(
            "SELECT due_at, done_at FROM session_steps WHERE step = 'close' AND state = 'done' AND done_at IS NOT NULL")];
    }

    private static string ReadStatuses(string connectionString)
    {
        using var connections = Connections(connectionString);
        using var connection = connections.OpenAsync().GetAwaiter().GetResult();
        var rows = connection.Query<(string Status, long Count)>("SELECT status, count(*) FROM sessions GROUP BY status ORDER BY status");
        return string.Join(", ", rows.Select(r => $"{r.Count} {r.Status}"));
    }

    private static SqliteConnectionFactory Connections(string connectionString)
    {
        DapperTypeHandlers.Register();
        return new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = connectionString }));
    }
}
