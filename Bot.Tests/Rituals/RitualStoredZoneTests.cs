using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Rituals;

/// <summary>A ritual saved with a zone id the tz database does not know (an older build, a dropped TZDB link).</summary>
public sealed class RitualStoredZoneTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private FeatureHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Now);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted);
        var pair = await _h.PairAsync();
        var rule = new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Mars/Olympus_Mons", new DateOnly(2026, 11, 2));
        await _h.Get<RitualRepository>().SaveAsync(new Ritual(pair.Id, rule, 15, 10, false, null, Now, Alice));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("show")]
    [InlineData("calendar")]
    public async Task A_stored_zone_the_database_does_not_know_is_told_plainly_with_the_way_out(string subcommand)
    {
        await RunAsync(_h.Api, Command(Guild, HomeChannel, User(Alice, "Alice"), "ritual", subcommand),
            c => _h.Get<RitualCommand>().HandleAsync(c));

        var reply = _h.Api.LastReplyText();
        Assert.Contains("\"Mars/Olympus_Mons\" is not in my time-zone database", reply, StringComparison.Ordinal);
        Assert.Contains("/ritual set", reply, StringComparison.Ordinal);
        Assert.True(_h.Api.LastCallback().Ephemeral);
    }

    [Fact]
    public void A_stored_zone_the_database_does_not_know_plans_nothing_instead_of_failing()
    {
        var rule = new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Mars/Olympus_Mons", default);

        Assert.Null(RitualSchedule.NextAfter(rule, Now));
        Assert.Empty(RitualSchedule.Upcoming(rule, Now, 3));
    }
}
