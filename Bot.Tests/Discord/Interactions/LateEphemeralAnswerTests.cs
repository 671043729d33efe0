using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using static CrossCoaching.Tests.Discord.Interactions.RouterRig;

namespace CrossCoaching.Tests.Discord.Interactions;

/// <summary>
/// A public command the router deferred publicly (it was slow) that then answers only for its user: the answer must
/// not land in the public loading message, whose visibility Discord fixed when it was sent.
/// </summary>
public sealed class LateEphemeralAnswerTests
{
    private readonly RouterRig _rig = new();
    private readonly TaskCompletionSource _release = new();

    private Task RouteSlowAsync(Func<InteractionContext, CancellationToken, Task> afterDeferral, bool ephemeralByDefault = false, string locale = "en-US") =>
        _rig.RouteAndDeferAsync(
            _rig.Router(new TestCommand("pair", async (c, ct) =>
            {
                await _release.Task;
                await afterDeferral(c, ct);
            }, ephemeralByDefault)),
            Command("pair", locale),
            _release);

    private string[] Methods => [.. _rig.Api.Calls.Select(c => c.Method)];

    private (string Content, bool Ephemeral) Followup()
    {
        var followup = Assert.Single(_rig.Api.Followups);
        return (followup.Message.Content!, followup.Ephemeral);
    }

    [Fact]
    public async Task An_ephemeral_reply_deletes_the_public_deferral_then_goes_as_an_ephemeral_followup()
    {
        await RouteSlowAsync((c, ct) => c.ReplyAsync("Bob already has a partner.", ephemeral: true, ct));

        Assert.False(Assert.Single(_rig.Api.Callbacks).Ephemeral);
        Assert.Equal(
            [nameof(IDiscordApi.CreateInteractionResponseAsync), nameof(IDiscordApi.DeleteOriginalResponseAsync), nameof(IDiscordApi.CreateFollowupAsync)],
            Methods);
        Assert.Equal(("Bob already has a partner.", true), Followup());
    }

    [Fact]
    public async Task A_refusal_after_a_public_deferral_reaches_only_its_user()
    {
        await RouteSlowAsync((_, _) => throw new UserErrorException("You cannot pair with yourself."));

        Assert.Contains(nameof(IDiscordApi.DeleteOriginalResponseAsync), Methods);
        Assert.DoesNotContain(nameof(IDiscordApi.EditOriginalResponseAsync), Methods);
        Assert.Equal(("You cannot pair with yourself.", true), Followup());
    }

    [Fact]
    public async Task A_crash_after_a_public_deferral_shows_the_short_error_only_to_its_user()
    {
        await RouteSlowAsync((_, _) => throw new InvalidOperationException("stack trace material"), locale: "fr");

        Assert.Contains(nameof(IDiscordApi.DeleteOriginalResponseAsync), Methods);
        Assert.Equal((CommonTexts.InternalError.Fr, true), Followup());
    }

    [Fact]
    public async Task A_public_answer_still_fills_the_public_deferral()
    {
        await RouteSlowAsync((c, ct) => c.PostAsync(MessageSpec.Text("Invitation"), ephemeral: false, ct));

        Assert.Equal([nameof(IDiscordApi.CreateInteractionResponseAsync), nameof(IDiscordApi.EditOriginalResponseAsync)], Methods);
    }

    [Fact]
    public async Task An_ephemeral_reply_to_an_ephemeral_deferral_fills_it()
    {
        await RouteSlowAsync((c, ct) => c.ReplyAsync("done", ephemeral: true, ct), ephemeralByDefault: true);

        Assert.True(Assert.Single(_rig.Api.Callbacks).Ephemeral);
        Assert.Equal([nameof(IDiscordApi.CreateInteractionResponseAsync), nameof(IDiscordApi.EditOriginalResponseAsync)], Methods);
    }

    [Fact]
    public async Task A_deferral_already_deleted_does_not_stop_the_ephemeral_followup()
    {
        _rig.Api.On(nameof(IDiscordApi.DeleteOriginalResponseAsync),
            _ => throw new DiscordApiException(404, DiscordErrorCode.UnknownMessage, "Unknown Message", "DELETE /webhooks/{app}/{token}/messages/@original"));

        await RouteSlowAsync((c, ct) => c.ReplyAsync("only for you", ephemeral: true, ct));

        Assert.Equal(("only for you", true), Followup());
    }

    [Fact]
    public async Task When_the_deferral_cannot_be_deleted_nothing_is_posted_that_would_fill_it_publicly()
    {
        _rig.Api.On(nameof(IDiscordApi.DeleteOriginalResponseAsync), _ => throw new DiscordUnavailableException("DELETE /webhooks/{app}/{token}/messages/@original", false, null));

        await RouteSlowAsync((c, ct) => c.ReplyAsync("only for you", ephemeral: true, ct));

        Assert.DoesNotContain(nameof(IDiscordApi.CreateFollowupAsync), Methods);
        Assert.DoesNotContain(nameof(IDiscordApi.EditOriginalResponseAsync), Methods);
    }
}
