using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Rituals;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Rituals;

public sealed class RitualResumerTests
{
    [Fact]
    public async Task A_pair_that_cannot_be_resumed_does_not_keep_the_others_paused()
    {
        await using var h = await StartAsync(Monday);
        h.Cache.AddGuild(Guild, CrossCoaching.Sessions.RoomPermissions.Wanted);
        var broken = await h.PairAsync();
        var healthy = await h.PairAsync(new Snowflake(21), new Snowflake(22));
        foreach (var pair in new[] { broken, healthy })
        {
            var ritual = await h.RitualAsync(pair, MondayAt14);
            await h.Get<RitualRepository>().SaveAsync(ritual with { Paused = true, PausedUntil = new DateOnly(2026, 11, 1) });
        }
        await using (var db = await h.Get<SqliteConnectionFactory>().OpenAsync()) // a row no command would write
            await db.ExecuteAsync("UPDATE pairs SET created_at = 'someday' WHERE id = @Id", new { broken.Id });

        await h.Services.GetServices<IReconcilable>().OfType<RitualResumer>().Single().ReconcileAsync();

        Assert.False((await h.Get<RitualRepository>().GetAsync(healthy.Id))!.Paused);
    }
}
