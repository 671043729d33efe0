using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Sessions;

public sealed class SessionRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private SessionRepository _sessions = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.MigratedAsync();
        _sessions = new SessionRepository(_db.Connections);
        var invitation = await new InvitationRepository(_db.Connections).CreateAsync(new Snowflake(10), new Snowflake(20), new Snowflake(1), "A", new Snowflake(2), Slot.AddDays(-7), Slot);
        _pair = (await new PairRepository(_db.Connections).CreateFromInvitationAsync(invitation!, "A", "B", Slot.AddDays(-7))).Pair!;
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private Task<Session> Create(DateTimeOffset slot) => _sessions.CreateAsync(
        new Session(0, _pair.Id, _pair.GuildId, SessionKind.Ritual, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, slot.AddDays(-1), null),
        [(SessionStep.Remind, slot.AddMinutes(-10)), (SessionStep.Open, slot), (SessionStep.Close, slot.AddMinutes(20))]);

    [Fact]
    public async Task Creating_the_same_slot_twice_gives_one_session_with_its_steps()
    {
        var first = await Create(Slot);
        var second = await Create(Slot);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal([SessionStep.Remind, SessionStep.Open, SessionStep.Close], (await _sessions.GetStepsAsync(first.Id)).Select(s => s.Step));
        Assert.Equal((Slot.AddMinutes(15), Slot.AddMinutes(20)), (first.EndsAt, first.CloseAt));
    }

    [Fact]
    public async Task A_step_ends_only_once()
    {
        var session = await Create(Slot);

        Assert.True(await _sessions.EndStepAsync(session.Id, SessionStep.Remind, StepState.Done, Slot));
        Assert.False(await _sessions.EndStepAsync(session.Id, SessionStep.Remind, StepState.Done, Slot));
        Assert.Equal(StepState.Done, (await _sessions.GetStepsAsync(session.Id))[0].State);
    }

    [Fact]
    public async Task A_finished_session_never_moves_again()
    {
        var session = await Create(Slot);

        Assert.True(await _sessions.SetStatusAsync(session.Id, SessionStatus.Closed, SessionOutcome.Held, closedAt: Slot.AddMinutes(20)));
        Assert.False(await _sessions.SetStatusAsync(session.Id, SessionStatus.Open));

        var closed = (await _sessions.GetAsync(session.Id))!;
        Assert.Equal((SessionStatus.Closed, SessionOutcome.Held, Slot.AddMinutes(20)), (closed.Status, closed.Outcome, closed.ClosedAt));
    }

    [Fact]
    public async Task A_room_is_found_by_its_channel_and_finished_rooms_are_listed_until_cleared()
    {
        var session = await Create(Slot);
        await _sessions.SetRoomAsync(session.Id, new Snowflake(555), new Snowflake(77));
        Assert.Equal(session.Id, (await _sessions.FindByRoomAsync(new Snowflake(555)))!.Id);

        await _sessions.SetStatusAsync(session.Id, SessionStatus.Closed);
        Assert.Single(await _sessions.ListFinishedWithRoomAsync());
        await _sessions.SetRoomAsync(session.Id, null, null);
        Assert.Empty(await _sessions.ListFinishedWithRoomAsync());
    }

    [Fact]
    public async Task Sessions_at_one_slot_are_counted_per_guild()
    {
        await Create(Slot);
        await Create(Slot.AddDays(7));

        Assert.Equal(1, await _sessions.CountAtSlotAsync(_pair.GuildId, Slot));
        Assert.Equal(0, await _sessions.CountAtSlotAsync(new Snowflake(99), Slot));
    }
}
