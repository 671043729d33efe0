using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Rituals;

/// <summary>"Running late" when Discord does not carry the message to the partner: nobody is told they were told.</summary>
public sealed class ReminderLateFailureTests : IAsyncLifetime
{
    private static readonly Snowflake AliceDm = FakeDiscordWorld.DmChannelOf(Alice);
    private ReminderHarness _r = null!;

    public async Task InitializeAsync() => _r = await ReminderHarness.StartAsync();

    public async Task DisposeAsync() => await _r.DisposeAsync();

    /// <summary>The next <paramref name="times"/> messages to the channels chosen fail with <paramref name="failure"/>; the rest go through.</summary>
    private void Fail(Func<Snowflake, bool> channels, Func<Exception> failure, int times = 1) =>
        _r.Api.OnCreateMessage((channel, _) =>
            channels(channel) && Interlocked.Decrement(ref times) >= 0 ? throw failure() : new Message(FakeDiscordWorld.NextId(), channel));

    private Task<bool> NoticeRecordedAsync() => _r.H.Get<NoticeRepository>().ExistsAsync(_r.Session.Id, Bob, "late");

    [Theory]
    [InlineData("en-US", "⚠️ I could not reach your partner just now. Press the button again in a moment.")]
    [InlineData("fr", "⚠️ Je n'ai pas pu joindre votre binôme pour l'instant. Appuyez à nouveau sur le bouton dans un instant.")]
    public async Task When_the_partners_DM_fails_once_the_press_says_so_and_the_next_press_tells_them(string locale, string refusal)
    {
        Fail(c => c == AliceDm, () => new DiscordUnavailableException("POST /channels/{channel_id}/messages", false, null));

        await _r.PressAsync("late", locale);

        _r.AssertRefused(refusal);
        Assert.Single(_r.LateNoticesToAlice()); // the attempt, which Discord did not take
        Assert.False(await NoticeRecordedAsync());

        await _r.PressAsync("late", locale);

        Assert.Equal(InteractionCallbackType.UpdateMessage, _r.Answer.Type);
        Assert.Equal(2, _r.LateNoticesToAlice().Count); // the failed attempt, then the message that arrived
        Assert.True(await NoticeRecordedAsync());
        await _r.PressAsync("late", locale);
        Assert.Equal(2, _r.LateNoticesToAlice().Count);
    }

    [Fact]
    public async Task A_partner_reachable_neither_by_DM_nor_in_the_guild_is_not_reported_as_told()
    {
        // DMs closed, and the pair's channel refuses the fallback mention.
        _r.Api.OnCreateMessage((channel, _) =>
            throw FakeDiscordWorld.Refusal(403, channel == AliceDm ? DiscordErrorCode.CannotSendMessagesToUser : DiscordErrorCode.MissingPermissions));

        await _r.PressAsync("late");

        _r.AssertRefused("⚠️ I could not reach your partner just now. Press the button again in a moment.");
        Assert.Single(_r.Api.MessagesIn(HomeChannel));
        Assert.False(await NoticeRecordedAsync());
        Assert.Equal(SessionStatus.Scheduled, (await _r.ReloadAsync()).Status);
    }
}
