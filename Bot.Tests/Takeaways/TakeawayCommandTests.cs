using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayCommandTests : OneSessionTests
{
    private async Task<int> StoredCount()
    {
        var count = 0;
        foreach (var pair in await World.Get<PairRepository>().ListInGuildAsync(Guild))
            count += (await World.Get<TakeawayRepository>().ListForPairAsync(pair.Id)).Count;
        return count;
    }

    private static string ShareId(Session session) => $"takeaway:share:{session.Id}";

    private static string ModalId(Session session, string visibility = "public") => $"takeaway:modal:{session.Id}:{visibility}";

    [Theory]
    [InlineData(1001)]
    [InlineData(5000)]
    public async Task An_over_long_text_from_the_command_is_refused_with_the_limit_and_nothing_is_stored(int length)
    {
        await World.RunAsync(World.Takeaway(Alice, new string('x', length)));

        var reply = World.LastCallback;
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
        await World.RunAsync(World.Modal(Alice, ModalId(Session), new string('y', length)));

        Assert.True(World.LastCallback.Ephemeral);
        Assert.Contains("limit is 1000", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task A_text_of_exactly_the_limit_is_accepted_and_emoji_count_as_one_character()
    {
        await World.RunAsync(World.Takeaway(Alice, new string('z', 998) + "🙂🙂"));

        Assert.Contains("saved", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(1, await StoredCount());
    }

    [Fact]
    public async Task A_text_of_only_whitespace_is_refused()
    {
        await World.RunAsync(World.Modal(Alice, ModalId(Session), "   \n\t "));

        Assert.Contains("empty", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task The_command_registers_its_text_lengths_from_the_configured_limit()
    {
        await using var world = await FeatureHarness.StartWithTrailAsync(maxLength: 300);

        var text = world.Get<TakeawayCommand>().Definition.Options.Single(o => o.Name == "text");

        Assert.Equal((1, 300, false), (text.MinLength, text.MaxLength, text.Required));
        var visibility = world.Get<TakeawayCommand>().Definition.Options.Single(o => o.Name == "visibility");
        Assert.Equal(["public", "pair", "private"], visibility.Choices!.Select(c => c.Value));
    }

    [Fact]
    public async Task Without_text_the_command_opens_the_form_for_the_latest_session_at_once()
    {
        var later = await World.SessionAsync(Pair, Monday.AddMinutes(-30));
        await World.SessionAsync(Pair, Monday.AddDays(1), SessionStatus.Scheduled);

        await World.RunAsync(World.Takeaway(Alice, visibility: "pair"));

        var callback = Assert.Single(World.Api.Callbacks);
        Assert.Equal(InteractionCallbackType.Modal, callback.Type);
        Assert.Equal(ModalId(later, "pair"), callback.Modal!.CustomId);
        var input = Assert.Single(callback.Modal.Inputs);
        Assert.Equal((TextInputStyle.Paragraph, 1, 1000, true), (input.Style, input.MinLength, input.MaxLength, input.Required));
        Assert.True(callback.Modal.Title.Length <= 45 && input.Label.Length <= 45);
    }

    [Fact]
    public async Task A_takeaway_belongs_to_the_latest_session_that_took_place_not_a_skipped_or_future_one()
    {
        await World.SessionAsync(Pair, Monday.AddMinutes(-30), SessionStatus.Skipped);
        await World.SessionAsync(Pair, Monday.AddMinutes(-20), SessionStatus.Cancelled);
        await World.SessionAsync(Pair, Monday.AddDays(1), SessionStatus.Scheduled);

        await World.RunAsync(World.Takeaway(Alice, "About the real one."));

        Assert.Equal(Session.Id, Assert.Single(await World.Get<TakeawayRepository>().ListForPairAsync(Pair.Id)).SessionId);
    }

    [Fact]
    public async Task Without_a_session_that_took_place_the_command_is_refused_clearly()
    {
        var pair = await World.PairAsync(Carol, Dave);
        await World.SessionAsync(pair, Monday.AddDays(2), SessionStatus.Scheduled);

        await World.RunAsync(World.Takeaway(Carol, "Too early."));

        Assert.Contains("no session that took place", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task Without_a_pair_the_command_is_refused_clearly()
    {
        await World.RunAsync(World.Takeaway(Carol, "Alone."));

        Assert.StartsWith("You have no partner on this server. Invite someone with ", World.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_button_in_a_direct_message_opens_the_form_and_its_submission_is_stored()
    {
        await World.RunAsync(World.Button(Bob, ShareId(Session), inGuild: false));
        var modal = Assert.Single(World.Api.Callbacks).Modal!;
        Assert.Equal(ModalId(Session), modal.CustomId);

        await World.RunAsync(World.Modal(Bob, modal.CustomId, "  Written in the form.  "));

        var stored = Assert.Single(await World.Get<TakeawayRepository>().ListForPairAsync(Pair.Id));
        Assert.Equal((Bob, "Written in the form.", "Bob"), (stored.AuthorId!.Value, stored.Text, stored.AuthorName));
        Assert.Contains("stays hidden until **Alice**", World.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_button_offers_back_the_takeaway_still_held()
    {
        await World.RunAsync(World.Takeaway(Alice, "Draft.", "private"));

        await World.RunAsync(World.Button(Alice, ShareId(Session), inGuild: false));

        var modal = World.LastCallback.Modal!;
        Assert.Equal((ModalId(Session, "private"), "Draft."), (modal.CustomId, modal.Inputs[0].Value));
    }

    [Fact]
    public async Task A_stranger_pressing_share_on_another_pairs_session_is_refused_without_a_form()
    {
        await World.RunAsync(World.Button(Carol, ShareId(Session), inGuild: false));

        var callback = Assert.Single(World.Api.Callbacks);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, callback.Type);
        Assert.True(callback.Ephemeral);
        Assert.Contains("not yours", callback.Message!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_submitting_the_form_of_another_pairs_session_is_refused_and_nothing_is_stored()
    {
        await World.RunAsync(World.Modal(Carol, ModalId(Session), "Sneaky."));

        Assert.Contains("not yours", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task The_form_of_a_session_that_was_skipped_is_refused()
    {
        var skipped = await World.SessionAsync(Pair, Monday.AddDays(-3), SessionStatus.Skipped);

        await World.RunAsync(World.Modal(Alice, ModalId(skipped), "Nothing happened."));

        Assert.Contains("did not take place", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCount());
    }

    [Fact]
    public async Task The_visibility_buttons_change_a_held_takeaway_and_are_refused_after_the_reveal()
    {
        await World.RunAsync(World.Takeaway(Alice, "Held."));
        var buttons = World.LastCallback.Message!.Components!.Single().Buttons;
        Assert.True(buttons.Single(b => b.CustomId.EndsWith(":public", StringComparison.Ordinal)).Disabled);

        await World.RunAsync(World.Button(Alice, buttons.Single(b => b.CustomId.EndsWith(":private", StringComparison.Ordinal)).CustomId, inGuild: false));

        Assert.Equal(InteractionCallbackType.UpdateMessage, World.LastCallback.Type);
        Assert.Contains("private", World.LastReply, StringComparison.Ordinal);
        Assert.Equal(TakeawayVisibility.Private, (await World.Get<TakeawayRepository>().FindAsync(Session.Id, Alice))!.Visibility);

        await World.RunAsync(World.Takeaway(Bob, "Mine."));
        await World.RunAsync(World.Button(Alice, $"takeaway:visibility:{Session.Id}:public"));
        Assert.Contains("already shared", World.LastReply, StringComparison.Ordinal);
        Assert.DoesNotContain(World.TrailPosts, p => Everything(p).Contains("Held.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_follow_the_users_language()
    {
        await World.RunAsync(World.Takeaway(Alice, new string('x', 1001), locale: "fr"));

        Assert.Contains("la limite est de 1000", World.LastReply, StringComparison.Ordinal);
    }
}
