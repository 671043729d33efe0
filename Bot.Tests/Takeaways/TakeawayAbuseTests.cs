using CrossCoaching.Discord;
using CrossCoaching.Storage;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

/// <summary>Values the bot does not know are refused, never read as public; an old button does not outlive membership.</summary>
public sealed class TakeawayAbuseTests : OneSessionTests
{
    private Task<IReadOnlyList<Takeaway>> StoredAsync() => World.Get<TakeawayRepository>().ListForPairAsync(Pair.Id);

    [Fact]
    public async Task A_visibility_the_bot_does_not_know_is_refused_in_the_command()
    {
        await World.RunAsync(World.Takeaway(Alice, "hello", visibility: "everyone"));

        Assert.True(World.LastCallback.Ephemeral);
        Assert.Equal(TakeawayTexts.UnknownVisibility.En, World.LastReply);
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("everyone")]
    [InlineData("")]
    public async Task A_forged_form_with_an_unknown_visibility_is_refused(string visibility)
    {
        await World.RunAsync(World.Modal(Alice, $"takeaway:modal:{Session.Id}:{visibility}", "hello"));

        Assert.Equal(TakeawayTexts.UnknownVisibility.En, World.LastReply);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_stored_visibility_the_bot_does_not_know_reads_as_private()
    {
        await World.RunAsync(World.Modal(Alice, $"takeaway:modal:{Session.Id}:pair", "hello"));
        await using (var db = await World.Get<SqliteConnectionFactory>().OpenAsync())
        {
            // As a newer version, or a hand, might write it (the CHECK constraint is dropped for the test).
            await db.ExecuteAsync(TestDatabase.Provider == StorageProvider.Postgres
                ? "ALTER TABLE takeaways DROP CONSTRAINT takeaways_visibility_check; UPDATE takeaways SET visibility = 'guild'"
                : "PRAGMA ignore_check_constraints = ON; UPDATE takeaways SET visibility = 'guild'");
        }

        Assert.Equal(TakeawayVisibility.Private, Assert.Single(await StoredAsync()).Visibility);
    }

    [Fact]
    public async Task A_member_who_left_the_server_cannot_share_through_the_button_of_an_old_direct_message()
    {
        World.Api.On(nameof(IDiscordApi.GetGuildMemberAsync), a => throw new DiscordApiException(
            404, DiscordErrorCode.UnknownMember, "Unknown Member", "GET /guilds/{guild}/members/{user}"));

        await World.RunAsync(World.Modal(Alice, $"takeaway:modal:{Session.Id}:public", "hello"));

        Assert.Equal(TakeawayTexts.NoLongerMember.En, World.LastReply);
        Assert.Empty(await StoredAsync());
    }
}
