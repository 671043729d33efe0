using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayDeliveryTests : IAsyncLifetime
{
    private FeatureHarness _world = null!;
    private Session _session = null!;

    public async Task InitializeAsync()
    {
        _world = await FeatureHarness.StartWithTrailAsync();
        var pair = await _world.PairAsync(Alice, Bob);
        _session = await _world.SessionAsync(pair, Monday.AddHours(-1));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_trail_message_shows_a_takeaway_as_written_with_no_mention_link_or_markdown_live()
    {
        const string written = "Hey @everyone and @here, **join** https://discord.gg/spam now";
        await _world.RunAsync(_world.Takeaway(Alice, written));
        await _world.RunAsync(_world.Takeaway(Bob, "Fine."));

        var post = Assert.Single(_world.TrailPosts);
        var text = Everything(post);
        Assert.Same(AllowedMentions.None, post.Mentions);
        Assert.Empty(post.Mentions.Users);
        Assert.Contains(Markdown.Escape(written), text, StringComparison.Ordinal);
        Assert.Contains(written, MarkdownReader.Visible(text), StringComparison.Ordinal);
        var live = MarkdownReader.Live(Markdown.Escape(written));
        Assert.All(live, kind => Assert.Equal(0, kind.Value));
    }

    [Fact]
    public async Task A_pair_takeaway_for_a_partner_with_closed_direct_messages_is_never_announced_in_public()
    {
        _world.Api.OnCreateMessage((channel, _) => channel == DmOf(Bob)
            ? throw new DiscordApiException(403, DiscordErrorCode.CannotSendMessagesToUser, "Cannot send messages to this user", "POST /channels/{channel}/messages")
            : new Message(new Snowflake(99), channel));

        await _world.RunAsync(_world.Takeaway(Alice, "Only for Bob's eyes.", "pair"));
        await _world.RunAsync(_world.Takeaway(Bob, "Mine.", "private"));

        // A takeaway is private: Bob reads it with /takeaways; the channel where the pair formed learns nothing.
        Assert.Empty(_world.Api.MessagesIn(HomeChannel));
        Assert.Empty(_world.TrailPosts);
    }

    [Fact]
    public async Task A_trail_message_discord_refuses_for_good_is_not_retried_and_the_takeaways_stay_readable()
    {
        _world.Api.On(nameof(IDiscordApi.CreateMessageAsync), _ =>
            throw new DiscordApiException(403, DiscordErrorCode.MissingPermissions, "Missing Permissions", "POST /channels/{channel}/messages"));

        await _world.RunAsync(_world.Takeaway(Alice, "One."));
        await _world.RunAsync(_world.Takeaway(Bob, "Two."));
        await _world.ReconcileAsync<TakeawayRevealer>();

        Assert.Single(_world.TrailPosts);
        Assert.All(await _world.Get<TakeawayRepository>().ListForSessionAsync(_session.Id), t => Assert.NotNull(t.DeliveredAt));
        Assert.True((await _world.Get<TrailPostRepository>().GetAsync(_session.Id))!.IsPosting); // owed once, refused, never posted
        await _world.RunAsync(_world.Command(Alice, "takeaways"));
        Assert.Contains("Two.", Everything(_world.LastCallback.Message!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reveal_in_french_names_the_session_in_the_guilds_language()
    {
        await _world.Get<CrossCoaching.GuildSettings.GuildSettingsRepository>().SaveAsync(
            new CrossCoaching.GuildSettings.GuildConfig(Guild, TrailChannelId: TrailChannel, Language: CrossCoaching.Localization.Lang.Fr));

        await _world.RunAsync(_world.Takeaway(Alice, "Un."));
        await _world.RunAsync(_world.Takeaway(Bob, "Deux."));

        Assert.StartsWith("Séance n° 1 · Alice et Bob", Assert.Single(_world.TrailPosts).Embeds![0].Title, StringComparison.Ordinal);
    }
}
