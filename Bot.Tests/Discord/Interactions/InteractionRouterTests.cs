using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Interactions;

public sealed class InteractionRouterTests
{
    private readonly FakeDiscordApi _api = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    private InteractionRouter Router(ISlashCommand? command = null, IComponentHandler? component = null) =>
        new(command is null ? [] : [command], component is null ? [] : [component], _api, _clock, NullLogger<InteractionRouter>.Instance);

    private static Interaction Command(string name, string locale = "en-US", InteractionType type = InteractionType.ApplicationCommand) =>
        new(new Snowflake(1), new Snowflake(2), type, "token", new Snowflake(3), new Snowflake(4),
            new DiscordUser(new Snowflake(5), "alice", null, false), null, Permissions.None, Permissions.None, locale, "en-US",
            CommandName: name);

    [Fact]
    public async Task A_quick_handler_answers_with_one_callback_and_no_deferral()
    {
        var router = Router(new TestCommand("ping", (c, ct) => c.ReplyAsync("pong", ephemeral: true, ct)));

        await router.RouteAsync(Command("ping"), _clock.GetUtcNow());

        var callback = Assert.Single(_api.Callbacks);
        Assert.Equal((InteractionCallbackType.ChannelMessageWithSource, true, "pong"), (callback.Type, callback.Ephemeral, callback.Message!.Content));
        Assert.Empty(callback.Message.Mentions.Users);
    }

    [Fact]
    public async Task A_slow_handler_is_deferred_after_two_seconds_then_its_answer_fills_the_deferral()
    {
        var release = new TaskCompletionSource();
        var router = Router(new TestCommand("slow", async (c, ct) =>
        {
            await release.Task;
            await c.ReplyAsync("done", ephemeral: false, ct);
        }, ephemeral: false));

        var routing = router.RouteAsync(Command("slow"), _clock.GetUtcNow());
        await Task.Delay(50);
        _clock.Advance(TimeSpan.FromMilliseconds(1900));
        await Task.Delay(50);
        Assert.Empty(_api.Callbacks);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await WaitUntil(() => _api.Callbacks.Any());
        release.SetResult();
        await routing;

        var deferral = Assert.Single(_api.Callbacks);
        Assert.Equal((InteractionCallbackType.DeferredChannelMessageWithSource, false), (deferral.Type, deferral.Ephemeral));
        Assert.Contains(_api.OriginalEdits, m => m.Content == "done");
    }

    [Fact]
    public async Task Time_already_spent_before_routing_counts_towards_the_deadline()
    {
        var release = new TaskCompletionSource();
        var router = Router(new TestCommand("slow", async (_, _) => await release.Task));
        var receivedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(2.5));

        var routing = router.RouteAsync(Command("slow"), receivedAt);
        await WaitUntil(() => _api.Callbacks.Any());
        release.SetResult();
        await routing;

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.Single(_api.Callbacks).Type);
    }

    [Fact]
    public async Task A_failing_handler_gets_a_short_ephemeral_error_in_the_users_language()
    {
        var router = Router(new TestCommand("boom", (_, _) => throw new InvalidOperationException("stack trace material")));

        await router.RouteAsync(Command("boom", locale: "fr"), _clock.GetUtcNow());

        var callback = Assert.Single(_api.Callbacks);
        Assert.True(callback.Ephemeral);
        Assert.Equal(CommonTexts.InternalError.Fr, callback.Message!.Content);
    }

    [Fact]
    public async Task A_refusal_is_shown_as_written()
    {
        var router = Router(new TestCommand("pair", (_, _) => throw new UserErrorException("You cannot pair with yourself.")));

        await router.RouteAsync(Command("pair"), _clock.GetUtcNow());

        Assert.Equal("You cannot pair with yourself.", Assert.Single(_api.Callbacks).Message!.Content);
    }

    [Fact]
    public async Task A_failure_after_the_first_answer_is_sent_as_an_ephemeral_followup()
    {
        var router = Router(new TestCommand("two", async (c, ct) =>
        {
            await c.ReplyAsync("first", ephemeral: false, ct);
            throw new UserErrorException("second");
        }));

        await router.RouteAsync(Command("two"), _clock.GetUtcNow());

        var followup = Assert.Single(_api.Followups);
        Assert.Equal(("second", true), (followup.Message.Content, followup.Ephemeral));
    }

    [Fact]
    public async Task An_expired_interaction_is_logged_not_answered_again()
    {
        _api.On(nameof(IDiscordApi.CreateInteractionResponseAsync),
            _ => throw new DiscordApiException(404, DiscordErrorCode.UnknownInteraction, "Unknown interaction", "POST /interactions/{id}/{token}/callback"));
        var router = Router(new TestCommand("late", (c, ct) => c.ReplyAsync("too late", true, ct)));

        await router.RouteAsync(Command("late"), _clock.GetUtcNow());

        Assert.Single(_api.Calls);
    }

    [Fact]
    public async Task A_callback_already_acknowledged_by_a_retried_request_counts_as_sent()
    {
        _api.On(nameof(IDiscordApi.CreateInteractionResponseAsync),
            _ => throw new DiscordApiException(400, DiscordErrorCode.AlreadyAcknowledged, "already acknowledged", "POST /interactions/{id}/{token}/callback"));
        var router = Router(new TestCommand("two", async (c, ct) =>
        {
            await c.ReplyAsync("first", ephemeral: true, ct);
            await c.ReplyAsync("second", ephemeral: true, ct);
        }));

        await router.RouteAsync(Command("two"), _clock.GetUtcNow());

        Assert.Equal("second", Assert.Single(_api.Followups).Message.Content);
    }

    [Fact]
    public async Task Autocomplete_goes_to_the_commands_suggestions()
    {
        var router = Router(new TestCommand("ritual", (_, _) => Task.CompletedTask)
        {
            Suggestions = [new AutocompleteChoice("Europe/Paris", "Europe/Paris")],
        });

        await router.RouteAsync(Command("ritual", type: InteractionType.Autocomplete), _clock.GetUtcNow());

        var callback = Assert.Single(_api.Callbacks);
        Assert.Equal(InteractionCallbackType.AutocompleteResult, callback.Type);
        Assert.Equal("Europe/Paris", Assert.Single(callback.Choices!).Value);
    }

    [Fact]
    public async Task A_button_goes_to_the_handler_of_its_prefix_with_its_arguments()
    {
        ComponentId? seen = null;
        var router = Router(component: new TestComponent("pair", (c, id, ct) =>
        {
            seen = id;
            return c.UpdateMessageAsync(MessageSpec.Text("accepted"), ct);
        }));
        var press = Command("x") with { Type = InteractionType.MessageComponent, CommandName = null, CustomId = "pair:accept:42" };

        await router.RouteAsync(press, _clock.GetUtcNow());

        Assert.Equal(("pair", "accept", 42L), (seen!.Prefix, seen.Arg(0), seen.LongArg(1)));
        Assert.Equal(InteractionCallbackType.UpdateMessage, Assert.Single(_api.Callbacks).Type);
    }

    [Fact]
    public async Task A_ping_is_answered_with_a_pong()
    {
        await Router().RouteAsync(Command("") with { Type = InteractionType.Ping, CommandName = null }, _clock.GetUtcNow());

        Assert.Equal(InteractionCallbackType.Pong, Assert.Single(_api.Callbacks).Type);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition());
    }
}
