using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// The queries that replaced "read every unfinished session, filter in memory" on paths that run per pass or per
/// GUILD_CREATE: each returns exactly what its caller filtered before, and nothing of other guilds or states.
/// </summary>
public sealed class ScopedSessionQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly Snowflake Here = new(1), Elsewhere = new(2);
    private TestDatabase _db = null!;
    private SessionRepository _sessions = null!;
    private Pair _here = null!, _elsewhere = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.MigratedAsync();
        _sessions = new SessionRepository(_db.Connections);
        _here = await PairAsync(Here);
        _elsewhere = await PairAsync(Elsewhere);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Pair> PairAsync(Snowflake guild)
    {
        var invitation = await new InvitationRepository(_db.Connections).CreateAsync(guild, new Snowflake(20), new Snowflake(10 + guild.Value), "A", new Snowflake(20 + guild.Value), Slot.AddDays(-7), Slot);
        return (await new PairRepository(_db.Connections).CreateFromInvitationAsync(invitation!, "A", "B", Slot.AddDays(-7))).Pair!;
    }

    private Task<Session> CreateAsync(Pair pair, DateTimeOffset slot) => _sessions.CreateAsync(
        new Session(0, pair.Id, pair.GuildId, SessionKind.Ritual, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, slot.AddDays(-1), null),
        [(SessionStep.Remind, slot.AddMinutes(-10)), (SessionStep.Open, slot), (SessionStep.Close, slot.AddMinutes(20))]);

    [Fact]
    public async Task Only_open_sessions_are_listed_as_open()
    {
        var open = await CreateAsync(_here, Slot);
        await _sessions.SetStatusAsync(open.Id, SessionStatus.Open);
        await CreateAsync(_here, Slot.AddDays(7));
        var closed = await CreateAsync(_elsewhere, Slot.AddDays(-7));
        await _sessions.SetStatusAsync(closed.Id, SessionStatus.Closed, SessionOutcome.Held, closedAt: Slot.AddDays(-7).AddMinutes(20));

        Assert.Equal([open.Id], (await _sessions.ListOpenAsync()).Select(s => s.Id));
    }

    [Fact]
    public async Task A_guilds_rooms_are_its_unfinished_sessions_with_a_room_and_no_other_guilds()
    {
        var withRoom = await CreateAsync(_here, Slot);
        await _sessions.SetRoomAsync(withRoom.Id, new Snowflake(900), null);
        await CreateAsync(_here, Slot.AddDays(7));
        var finished = await CreateAsync(_here, Slot.AddDays(-7));
        await _sessions.SetRoomAsync(finished.Id, new Snowflake(901), null);
        await _sessions.SetStatusAsync(finished.Id, SessionStatus.Closed, SessionOutcome.Held, closedAt: Slot.AddDays(-7).AddMinutes(20));
        var other = await CreateAsync(_elsewhere, Slot);
        await _sessions.SetRoomAsync(other.Id, new Snowflake(902), null);

        Assert.Equal([withRoom.Id], (await _sessions.ListUnfinishedWithRoomInGuildAsync(Here)).Select(s => s.Id));
        Assert.Equal([withRoom.Id, (await _sessions.ListForPairAsync(_here.Id)).Single(s => s.SlotAt == Slot.AddDays(7)).Id],
            (await _sessions.ListUnfinishedInGuildAsync(Here)).Select(s => s.Id));
    }

    [Fact]
    public async Task The_overdue_steps_of_a_guild_are_its_own_pending_steps_due_by_now()
    {
        var due = await CreateAsync(_here, Slot);
        await CreateAsync(_here, Slot.AddDays(7));
        await CreateAsync(_elsewhere, Slot);

        var overdue = await new DueSteps(_db.Connections).OverdueInGuildAsync(Slot.AddMinutes(1), Here);

        Assert.Equal([(due.Id, SessionStep.Remind), (due.Id, SessionStep.Open)], overdue.Select(s => (s.SessionId, s.Step)));
    }
}
