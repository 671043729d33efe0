using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using static CrossCoaching.Tests.Takeaways.TakeawayWorld;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayCommandTests : IAsyncLifetime
{
    private TakeawayWorld _world = null!;
    private Pair _pair = null!;
    private Session _session = null!;

    public async Task InitializeAsync()
    {
        _world = await TakeawayWorld.CreateAsync();
        _pair = await _world.PairAsync(Alice, Bob);
        _session = await _world.SessionAsync(_pair, Start.AddHours(-1));
    }

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> StoredCount()
    {
        var count = 0;
        foreach (var pair in await _world.Get<PairRepository>().ListInGuildAsync(Guild))
            count += (await _world.Get<TakeawayRepository>().ListForPairAsync(pair.Id)).Count;
        return count;
    }

    private static string ShareId(Session session) => $"takeaway:share:{session.Id}";

    private static string ModalId(Session session, string visibility = "public") => $"takeaway:modal:{session.Id}:{visibility}";

    [Theory]
    [InlineData(1001)]
    [InlineData(5000)]
    public async Task An_over_long_text_from_the_command_is_refused_with_the_limit_and_nothing_is_stored(int length)
    {
        await _world.RunAsync(_world.Takeaway(Alice, new string('x', length)));

        var reply = _world.LastCallback;
        Assert.True(reply.Ephemeral);
        Assert.Contains($"{length} characters", reply.Message!.Content, StringComparison.Ordinal);
        Assert.Contains("limit is 1000", reply.Message.Content, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(5000)]
    public async Task An_over_long_text_from_the_form_is_refused_with_the_limit_and_nothing_is_stored(int length)
    {
        await _world.RunAsync(_world.Modal(Alice, ModalId(_session), new string('y', length)));

        Assert.True(_world.LastCallback.Ephemeral);
        Assert.Contains("limit is 1000", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task A_text_of_exactly_the_limit_is_accepted_and_emoji_count_as_one_character()
    {
        await _world.RunAsync(_world.Takeaway(Alice, new string('z', 998) + "🙂🙂"));

        Assert.Contains("saved", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(1, await StoredCount());
    }

    [Fact]
    public async Task A_text_of_only_whitespace_is_refused()
    {
        await _world.RunAsync(_world.Modal(Alice, ModalId(_session), "   \n\t "));

        Assert.Contains("empty", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task The_command_registers_its_text_lengths_from_the_configured_limit()
    {
        using var world = await TakeawayWorld.CreateAsync(maxLength: 300);

        var text = world.Get<TakeawayCommand>().Definition.Options.Single(o => o.Name == "text");

        Assert.Equal((1, 300, false), (text.MinLength, text.MaxLength, text.Required));
        var visibility = world.Get<TakeawayCommand>().Definition.Options.Single(o => o.Name == "visibility");
        Assert.Equal(["public", "pair", "private"], visibility.Choices!.Select(c => c.Value));
    }

    [Fact]
    public async Task Without_text_the_command_opens_the_form_for_the_latest_session_at_once()
    {
        var later = await _world.SessionAsync(_pair, Start.AddMinutes(-30));
        await _world.SessionAsync(_pair, Start.AddDays(1), SessionStatus.Scheduled);

        await _world.RunAsync(_world.Takeaway(Alice, visibility: "pair"));

        var callback = Assert.Single(_world.Api.Callbacks);
        Assert.Equal(InteractionCallbackType.Modal, callback.Type);
        Assert.Equal(ModalId(later, "pair"), callback.Modal!.CustomId);
        var input = Assert.Single(callback.Modal.Inputs);
        Assert.Equal((TextInputStyle.Paragraph, 1, 1000, true), (input.Style, input.MinLength, input.MaxLength, input.Required));
        Assert.True(callback.Modal.Title.Length <= 45 && input.Label.Length <= 45);
    }

    [Fact]
    public async Task A_takeaway_belongs_to_the_latest_session_that_took_place_not_a_skipped_or_future_one()
    {
        await _world.SessionAsync(_pair, Start.AddMinutes(-30), SessionStatus.Skipped);
        await _world.SessionAsync(_pair, Start.AddMinutes(-20), SessionStatus.Cancelled);
        await _world.SessionAsync(_pair, Start.AddDays(1), SessionStatus.Scheduled);

        await _world.RunAsync(_world.Takeaway(Alice, "About the real one."));

        Assert.Equal(_session.Id, Assert.Single(await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id)).SessionId);
    }

    [Fact]
    public async Task Without_a_session_that_took_place_the_command_is_refused_clearly()
    {
        var pair = await _world.PairAsync(Carol, Dave);
        await _world.SessionAsync(pair, Start.AddDays(2), SessionStatus.Scheduled);

        await _world.RunAsync(_world.Takeaway(Carol, "Too early."));

        Assert.Contains("no session that took place", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task Without_a_pair_the_command_is_refused_clearly()
    {
        await _world.RunAsync(_world.Takeaway(Carol, "Alone."));

        Assert.Equal(PairTexts.NoPair.En, _world.LastReply);
    }

    [Fact]
    public async Task The_share_button_in_a_direct_message_opens_the_form_and_its_submission_is_stored()
    {
        await _world.RunAsync(_world.Button(Bob, ShareId(_session), inGuild: false));
        var modal = Assert.Single(_world.Api.Callbacks).Modal!;
        Assert.Equal(ModalId(_session), modal.CustomId);

        await _world.RunAsync(_world.Modal(Bob, modal.CustomId, "  Written in the form.  "));

        var stored = Assert.Single(await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id));
        Assert.Equal((Bob, "Written in the form.", "Bob"), (stored.AuthorId!.Value, stored.Text, stored.AuthorName));
        Assert.Contains("stays hidden until **Alice**", _world.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_button_offers_back_the_takeaway_still_held()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Draft.", "private"));

        await _world.RunAsync(_world.Button(Alice, ShareId(_session), inGuild: false));

        var modal = _world.LastCallback.Modal!;
        Assert.Equal((ModalId(_session, "private"), "Draft."), (modal.CustomId, modal.Inputs[0].Value));
    }

    [Fact]
    public async Task A_stranger_pressing_share_on_another_pairs_session_is_refused_without_a_form()
    {
        await _world.RunAsync(_world.Button(Carol, ShareId(_session), inGuild: false));

        var callback = Assert.Single(_world.Api.Callbacks);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, callback.Type);
        Assert.True(callback.Ephemeral);
        Assert.Contains("not yours", callback.Message!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_submitting_the_form_of_another_pairs_session_is_refused_and_nothing_is_stored()
    {
        await _world.RunAsync(_world.Modal(Carol, ModalId(_session), "Sneaky."));

        Assert.Contains("not yours", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task The_form_of_a_session_that_was_skipped_is_refused()
    {
        var skipped = await _world.SessionAsync(_pair, Start.AddDays(-3), SessionStatus.Skipped);

        await _world.RunAsync(_world.Modal(Alice, ModalId(skipped), "Nothing happened."));

        Assert.Contains("did not take place", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task The_visibility_buttons_change_a_held_takeaway_and_are_refused_after_the_reveal()
    {
        await _world.RunAsync(_world.Takeaway(Alice, "Held."));
        var buttons = _world.LastCallback.Message!.Components!.Single().Buttons;
        Assert.True(buttons.Single(b => b.CustomId.EndsWith(":public", StringComparison.Ordinal)).Disabled);

        await _world.RunAsync(_world.Button(Alice, buttons.Single(b => b.CustomId.EndsWith(":private", StringComparison.Ordinal)).CustomId, inGuild: false));

        Assert.Equal(InteractionCallbackType.UpdateMessage, _world.LastCallback.Type);
        Assert.Contains("private", _world.LastReply, StringComparison.Ordinal);
        Assert.Equal(TakeawayVisibility.Private, (await _world.Get<TakeawayRepository>().FindAsync(_session.Id, Alice))!.Visibility);

        await _world.RunAsync(_world.Takeaway(Bob, "Mine."));
        await _world.RunAsync(_world.Button(Alice, $"takeaway:visibility:{_session.Id}:public"));
        Assert.Contains("already shared", _world.LastReply, StringComparison.Ordinal);
        Assert.DoesNotContain(_world.TrailPosts, p => Everything(p).Contains("Held.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_follow_the_users_language()
    {
        await _world.RunAsync(_world.Takeaway(Alice, new string('x', 1001), locale: "fr"));

        Assert.Contains("la limite est de 1000", _world.LastReply, StringComparison.Ordinal);
    }
}
