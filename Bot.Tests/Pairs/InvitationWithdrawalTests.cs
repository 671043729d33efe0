using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Pairs;

/// <summary>The inviter takes back an invitation still pending, with the Withdraw button on it.</summary>
public sealed class InvitationWithdrawalTests : IAsyncLifetime
{
    private static readonly DiscordUser AliceUser = User(Alice, "Alice"), BobUser = User(Bob, "Bob");
    private FeatureHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Api.On(nameof(IDiscordApi.EditOriginalResponseAsync), _ => new Message(new Snowflake(4242), HomeChannel));
        var (option, resolved) = UserOption("partner", BobUser);
        await RunAsync(_h.Api, Command(Guild, HomeChannel, AliceUser, "pair", options: [option], resolved: resolved), c => _h.Get<PairCommand>().HandleAsync(c));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<Invitation?> InvitationAsync() => _h.Get<InvitationRepository>().FindPendingAsync(Guild, Alice, Bob, _h.Time.GetUtcNow());

    private async Task PressWithdrawAsync(DiscordUser who)
    {
        var customId = _h.Api.OriginalEdits[0].Components![0].Buttons.Single(b => b.Label == "Withdraw").CustomId;
        await RunAsync(_h.Api, Button(Guild, HomeChannel, who, customId), c => _h.Get<PairButtons>().HandleAsync(c, ComponentId.Parse(customId)));
    }

    [Fact]
    public async Task The_inviter_can_withdraw_a_pending_invitation_with_its_button()
    {
        var invitation = (await InvitationAsync())!;

        await PressWithdrawAsync(AliceUser);

        Assert.Null(await InvitationAsync());
        Assert.Equal(InvitationStatus.Cancelled, (await _h.Get<InvitationRepository>().GetAsync(invitation.Id))!.Status);
        var update = _h.Api.LastCallback();
        Assert.Contains("withdrew", update.Message!.Content, StringComparison.Ordinal);
        Assert.Empty(update.Message.Components ?? []);
    }

    [Fact]
    public async Task Only_the_inviter_can_withdraw_and_the_invitation_stays_open_for_the_invitee()
    {
        await PressWithdrawAsync(BobUser);

        Assert.Contains("Only **Alice** can withdraw", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.True(_h.Api.LastCallback().Ephemeral);
        Assert.NotNull(await InvitationAsync());
    }
}
