using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// The look-ahead reads the partners due soon of all an instance's guilds at once: the answer per guild is exactly what
/// the one-guild read gives, whatever the number of guilds asked about.
/// </summary>
public sealed class UpcomingPartnersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private SessionRepository _sessions = null!;
    private UpcomingPartners _upcoming = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.MigratedAsync();
        _sessions = new SessionRepository(_db.Connections);
        _upcoming = new UpcomingPartners(_db.Connections);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Pair> PairAsync(ulong guild, ulong a, ulong b)
    {
        var invitation = await new InvitationRepository(_db.Connections).CreateAsync(new Snowflake(guild), new Snowflake(20), new Snowflake(a), "A", new Snowflake(b), Slot.AddDays(-7), Slot);
        return (await new PairRepository(_db.Connections).CreateFromInvitationAsync(invitation!, "A", "B", Slot.AddDays(-7))).Pair!;
    }

    private Task<Session> PlanAsync(Pair pair, DateTimeOffset slot) => _sessions.CreateAsync(
        new Session(0, pair.Id, pair.GuildId, SessionKind.Ritual, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, slot.AddDays(-1), null),
        [(SessionStep.Remind, slot.AddMinutes(-10)), (SessionStep.Open, slot), (SessionStep.Close, slot.AddMinutes(20))]);

    [Fact]
    public async Task All_guilds_read_at_once_give_each_guild_the_partners_its_own_read_gives()
    {
        var soon = await PairAsync(1, 101, 102);
        var alsoSoon = await PairAsync(1, 103, 104);
        var later = await PairAsync(2, 201, 202);
        var otherGuild = await PairAsync(3, 301, 302);
        await PlanAsync(soon, Slot);
        await PlanAsync(alsoSoon, Slot.AddMinutes(5));
        await PlanAsync(later, Slot.AddDays(2)); // due after the horizon: not asked about yet
        await PlanAsync(otherGuild, Slot.AddMinutes(1));
        var until = Slot.AddHours(1);
        Snowflake[] guilds = [new(1), new(2), new(3), new(4)];

        var all = await _upcoming.InGuildsAsync(guilds, until);

        foreach (var guild in guilds)
        {
            var alone = await _upcoming.InGuildAsync(guild, until);
            if (alone.Count == 0)
                Assert.False(all.ContainsKey(guild), $"guild {guild} has nobody due and is left out");
            else
                Assert.Equal(alone.Order(), all[guild].Order());
        }
        Assert.Equal([new Snowflake(101), new(102), new(103), new(104)], all[new Snowflake(1)].Order());
        Assert.Equal([new Snowflake(1), new(3)], all.Keys.Order());
    }

    [Fact]
    public async Task More_guilds_than_one_query_holds_are_read_in_batches_and_none_is_missed()
    {
        var first = await PairAsync(1, 101, 102);
        var last = await PairAsync((ulong)UpcomingPartners.GuildsPerQuery + 7, 201, 202);
        await PlanAsync(first, Slot);
        await PlanAsync(last, Slot);
        var guilds = Enumerable.Range(1, UpcomingPartners.GuildsPerQuery + 10).Select(i => new Snowflake((ulong)i)).ToList();

        var all = await _upcoming.InGuildsAsync(guilds, Slot.AddHours(1));

        Assert.Equal([first.GuildId, last.GuildId], all.Keys.Order());
        Assert.Equal([new Snowflake(201), new(202)], all[last.GuildId].Order());
    }
}
