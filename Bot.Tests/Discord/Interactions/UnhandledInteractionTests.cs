using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using static CrossCoaching.Tests.Discord.Interactions.RouterRig;

namespace CrossCoaching.Tests.Discord.Interactions;

/// <summary>Interactions no handler claims: stale commands, buttons of a prefix we no longer use.</summary>
public sealed class UnhandledInteractionTests
{
    private readonly RouterRig _rig = new();

    [Fact]
    public async Task A_command_no_longer_handled_gets_a_short_ephemeral_answer_in_the_users_language()
    {
        await _rig.Router(new TestCommand("help", (_, _) => Task.CompletedTask)).RouteAsync(Command("streak", locale: "fr"), _rig.Clock.GetUtcNow());

        var callback = Assert.Single(_rig.Api.Callbacks);
        Assert.Equal((InteractionCallbackType.ChannelMessageWithSource, true), (callback.Type, callback.Ephemeral));
        Assert.Equal(CommonTexts.NoLongerAvailable[Lang.Fr], callback.Message!.Content);
        Assert.Empty(callback.Message.Mentions.Users);
    }

    [Fact]
    public async Task A_button_with_an_old_prefix_gets_the_same_ephemeral_answer_not_an_update_of_its_message()
    {
        var router = _rig.Router(component: new TestComponent("pair", (_, _, _) => Task.CompletedTask));

        await router.RouteAsync(Button("invite:accept:42"), _rig.Clock.GetUtcNow());

        var callback = Assert.Single(_rig.Api.Callbacks);
        Assert.Equal((InteractionCallbackType.ChannelMessageWithSource, true), (callback.Type, callback.Ephemeral));
        Assert.Equal(CommonTexts.NoLongerAvailable[Lang.En], callback.Message!.Content);
    }

    [Fact]
    public async Task A_modal_submitted_for_a_handler_that_is_gone_is_answered_ephemerally()
    {
        var submission = Button("oldform:7") with { Type = InteractionType.ModalSubmit };

        await _rig.Router().RouteAsync(submission, _rig.Clock.GetUtcNow());

        Assert.True(Assert.Single(_rig.Api.Callbacks).Ephemeral);
    }

    [Fact]
    public async Task Autocomplete_for_a_command_no_longer_handled_gets_no_suggestions()
    {
        await _rig.Router().RouteAsync(Command("streak", type: InteractionType.Autocomplete), _rig.Clock.GetUtcNow());

        var callback = Assert.Single(_rig.Api.Callbacks);
        Assert.Equal(InteractionCallbackType.AutocompleteResult, callback.Type);
        Assert.Empty(callback.Choices!);
    }

    [Fact]
    public async Task A_failed_answer_is_logged_not_thrown()
    {
        _rig.Api.On(nameof(IDiscordApi.CreateInteractionResponseAsync), _ => throw new HttpRequestException("network down"));

        await _rig.Router().RouteAsync(Command("streak"), _rig.Clock.GetUtcNow());

        Assert.Single(_rig.Api.Calls);
    }
}
