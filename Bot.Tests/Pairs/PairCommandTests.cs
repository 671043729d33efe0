using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Pairs;

public sealed class PairCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DiscordUser AliceUser = User(Alice, "Alice"), BobUser = User(Bob, "Bob"), Carol = User(new Snowflake(13), "Carol");
    private FeatureHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Now);
        _h.Api.On(nameof(IDiscordApi.EditOriginalResponseAsync), _ => new Message(new Snowflake(4242), HomeChannel));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<FakeDiscordApi> PairAsync(DiscordUser from, DiscordUser to, bool member = true, string locale = "en-US")
    {
        var (option, resolved) = UserOption("partner", to, member);
        return RunAsync(_h.Api, Command(Guild, HomeChannel, from, "pair", options: [option], resolved: resolved, locale: locale),
            c => _h.Get<PairCommand>().HandleAsync(c));
    }

    private Task PressAsync(DiscordUser who, string customId) =>
        RunAsync(_h.Api, Button(Guild, HomeChannel, who, customId), c => _h.Get<PairButtons>().HandleAsync(c, CrossCoaching.Discord.Interactions.ComponentId.Parse(customId)));

    private async Task<Invitation> InvitationAsync(DiscordUser from, DiscordUser to) =>
        (await _h.Get<InvitationRepository>().FindPendingAsync(Guild, from.Id, to.Id, _h.Time.GetUtcNow()))!;

    [Fact]
    public async Task An_invitation_is_posted_publicly_pinging_only_the_partner_with_accept_decline_and_withdraw()
    {
        await PairAsync(AliceUser, BobUser);

        var defer = Assert.Single(_h.Api.Callbacks);
        Assert.False(defer.Ephemeral);
        var post = Assert.Single(_h.Api.OriginalEdits);
        Assert.StartsWith($"<@{Bob}>", post.Content, StringComparison.Ordinal);
        Assert.Equal([Bob], post.Mentions.Users);
        var buttons = post.Components![0].Buttons;
        Assert.Equal([(ButtonStyle.Success, "Accept"), (ButtonStyle.Danger, "Decline"), (ButtonStyle.Secondary, "Withdraw")], buttons.Select(b => (b.Style, b.Label)));
        Assert.Equal(new Snowflake(4242), (await InvitationAsync(AliceUser, BobUser)).MessageId);
    }

    [Theory]
    [InlineData("self")]
    [InlineData("bot")]
    [InlineData("stranger")]
    public async Task Impossible_partners_are_refused_ephemerally(string who)
    {
        var target = who switch
        {
            "self" => AliceUser,
            "bot" => User(new Snowflake(77), "Botty", bot: true),
            _ => Carol,
        };

        await PairAsync(AliceUser, target, member: who != "stranger");

        var reply = Assert.Single(_h.Api.Callbacks);
        Assert.True(reply.Ephemeral);
        Assert.Empty(await _h.Get<PairRepository>().ListActiveAsync());
    }

    [Fact]
    public async Task A_refusal_follows_the_invokers_language()
    {
        await PairAsync(AliceUser, AliceUser, locale: "fr");

        Assert.Equal(PairTexts.NotYourself.Fr, _h.Api.LastReplyText());
    }

    [Fact]
    public async Task A_duplicate_invitation_is_refused()
    {
        await PairAsync(AliceUser, BobUser);
        await PairAsync(AliceUser, BobUser);

        Assert.Contains("already invited", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.True(_h.Api.LastCallback().Ephemeral);
    }

    [Fact]
    public async Task Only_the_invited_member_can_accept()
    {
        await PairAsync(AliceUser, BobUser);
        var invitation = await InvitationAsync(AliceUser, BobUser);

        await PressAsync(Carol, $"pair:accept:{invitation.Id}");
        await PressAsync(AliceUser, $"pair:accept:{invitation.Id}");

        Assert.All(_h.Api.Callbacks.Skip(1), c => Assert.True(c.Ephemeral));
        Assert.Empty(await _h.Get<PairRepository>().ListActiveAsync());
    }

    [Fact]
    public async Task Accepting_forms_the_pair_and_updates_the_invitation()
    {
        await PairAsync(AliceUser, BobUser);
        var invitation = await InvitationAsync(AliceUser, BobUser);

        await PressAsync(BobUser, $"pair:accept:{invitation.Id}");

        var update = _h.Api.LastCallback();
        Assert.Equal(InteractionCallbackType.UpdateMessage, update.Type);
        Assert.Contains("Alice", update.Message!.Content, StringComparison.Ordinal);
        Assert.Empty(update.Message.Components!);
        var pair = Assert.Single(await _h.Get<PairRepository>().ListActiveAsync());
        Assert.Equal((Alice, Bob, HomeChannel), (pair.MemberA, pair.MemberB, pair.HomeChannelId!.Value));
    }

    [Fact]
    public async Task Declining_closes_the_invitation()
    {
        await PairAsync(AliceUser, BobUser);
        var invitation = await InvitationAsync(AliceUser, BobUser);

        await PressAsync(BobUser, $"pair:decline:{invitation.Id}");

        Assert.Contains("declined", _h.Api.LastCallback().Message!.Content, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Declined, (await _h.Get<InvitationRepository>().GetAsync(invitation.Id))!.Status);
    }

    [Fact]
    public async Task After_a_decline_the_same_inviter_cannot_invite_the_same_member_again_for_a_day_and_the_message_says_until_when()
    {
        await PairAsync(AliceUser, BobUser);
        var invitation = await InvitationAsync(AliceUser, BobUser);
        await PressAsync(BobUser, $"pair:decline:{invitation.Id}");
        var again = _h.Time.GetUtcNow().AddHours(24);
        Assert.Contains($"can invite them again <t:{again.ToUnixTimeSeconds()}:R>", _h.Api.LastCallback().Message!.Content, StringComparison.Ordinal);
        _h.Api.Calls.Clear();

        _h.Time.Advance(TimeSpan.FromHours(23));
        await PairAsync(AliceUser, BobUser);

        var refusal = _h.Api.LastCallback();
        Assert.True(refusal.Ephemeral);
        Assert.Contains($"<t:{again.ToUnixTimeSeconds()}:R>", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Null(await _h.Get<InvitationRepository>().FindPendingAsync(Guild, Alice, Bob, _h.Time.GetUtcNow()));
        Assert.DoesNotContain(_h.Api.Calls, c => c.Method == nameof(IDiscordApi.EditOriginalResponseAsync));

        _h.Time.Advance(TimeSpan.FromHours(1));
        await PairAsync(AliceUser, BobUser);
        await PairAsync(AliceUser, Carol); // someone else may be invited at any time

        Assert.NotNull(await _h.Get<InvitationRepository>().FindPendingAsync(Guild, Alice, Bob, _h.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Two_members_inviting_each_other_end_up_with_one_pair()
    {
        await PairAsync(AliceUser, BobUser);
        await PairAsync(BobUser, AliceUser);
        await _h.DrainAsync();

        Assert.Single(await _h.Get<PairRepository>().ListActiveAsync());
        Assert.Contains(_h.Api.Calls, c => c.Method == nameof(IDiscordApi.EditMessageAsync)); // the first invitation now says so
    }

    [Fact]
    public async Task Two_members_inviting_each_other_at_the_same_moment_end_up_with_one_pair()
    {
        // A write held open elsewhere stalls each /pair between its checks (reads go on in WAL mode) and its insert:
        // the window in which two crossing commands race.
        // (BEGIN IMMEDIATE on SQLite, the write lock of WriteTransactions on PostgreSQL.)
        await using var writer = await _h.Get<SqliteConnectionFactory>().OpenAsync();
        var hold = await writer.BeginWriteAsync();

        var both = Task.WhenAll(Task.Run(() => PairAsync(AliceUser, BobUser)), Task.Run(() => PairAsync(BobUser, AliceUser)));
        await Task.Delay(300);
        await hold.RollbackAsync();
        await hold.DisposeAsync();
        await both.WaitAsync(TimeSpan.FromSeconds(20));
        await _h.DrainAsync();

        var pair = Assert.Single(await _h.Get<PairRepository>().ListActiveAsync());
        Assert.Equal([Alice, Bob], new[] { pair.MemberA, pair.MemberB }.Order());
        Assert.Empty(await _h.Get<InvitationRepository>().ListPendingInvolvingAsync(Guild, [Alice, Bob]));
        // The invitation the second command accepted says so.
        Assert.Contains(_h.Api.MessagesEdited, e => e.Message == new Snowflake(4242));
    }

    [Fact]
    public async Task Someone_already_paired_cannot_invite_or_be_invited()
    {
        await _h.PairAsync(); // Alice and Bob

        await PairAsync(Carol, BobUser);
        Assert.Contains("already has a partner", _h.Api.LastReplyText(), StringComparison.Ordinal);
        await PairAsync(AliceUser, Carol);
        Assert.Contains("already have a partner", _h.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_invitation_says_so_when_pressed()
    {
        await PairAsync(AliceUser, BobUser);
        var invitation = await InvitationAsync(AliceUser, BobUser);

        _h.Time.Advance(TimeSpan.FromHours(49));
        await PressAsync(BobUser, $"pair:accept:{invitation.Id}");

        Assert.Contains("expired", _h.Api.LastCallback().Message!.Content, StringComparison.Ordinal);
        Assert.Empty(await _h.Get<PairRepository>().ListActiveAsync());
    }
}
