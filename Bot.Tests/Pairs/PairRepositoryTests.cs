using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Pairs;

public sealed class PairRepositoryTests : IAsyncLifetime
{
    private static readonly Snowflake Guild = new(10), Channel = new(20), Alice = new(1), Bob = new(2), Carol = new(3);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;
    private PairRepository _pairs = null!;
    private InvitationRepository _invitations = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.MigratedAsync();
        _pairs = new PairRepository(_db.Connections);
        _invitations = new InvitationRepository(_db.Connections);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private Task<Invitation?> Invite(Snowflake from, Snowflake to) => _invitations.CreateAsync(Guild, Channel, from, $"user{from}", to, Now, Now.AddHours(48));

    [Fact]
    public async Task Accepting_an_invitation_forms_an_active_pair_with_both_names()
    {
        var invitation = (await Invite(Alice, Bob))!;

        var (result, pair) = await _pairs.CreateFromInvitationAsync(invitation, "Alice", "Bob", Now);

        Assert.Equal(PairCreation.Created, result);
        Assert.Equal((Alice, Bob, "Alice", "Bob", PairStatus.Active, Channel), (pair!.MemberA, pair.MemberB, pair.NameA, pair.NameB, pair.Status, pair.HomeChannelId));
        Assert.Equal(pair.Id, (await _pairs.FindCurrentAsync(Guild, Bob))!.Id);
        Assert.Equal(InvitationStatus.Accepted, (await _invitations.GetAsync(invitation.Id))!.Status);
    }

    [Fact]
    public async Task A_duplicate_pending_invitation_is_refused()
    {
        Assert.NotNull(await Invite(Alice, Bob));

        Assert.Null(await Invite(Alice, Bob));
    }

    [Fact]
    public async Task Two_crossed_invitations_both_accepted_end_up_as_one_pair()
    {
        var aliceToBob = (await Invite(Alice, Bob))!;
        var bobToAlice = (await Invite(Bob, Alice))!;

        var results = await Task.WhenAll(
            _pairs.CreateFromInvitationAsync(aliceToBob, "Alice", "Bob", Now),
            _pairs.CreateFromInvitationAsync(bobToAlice, "Bob", "Alice", Now));

        Assert.Single(results, r => r.Result == PairCreation.Created);
        Assert.Single(results, r => r.Result == PairCreation.AlreadyPaired);
    }

    [Fact]
    public async Task A_member_already_paired_cannot_be_paired_again_in_the_same_guild()
    {
        await _pairs.CreateFromInvitationAsync((await Invite(Alice, Bob))!, "Alice", "Bob", Now);

        var (result, _) = await _pairs.CreateFromInvitationAsync((await Invite(Carol, Bob))!, "Carol", "Bob", Now);

        Assert.Equal(PairCreation.AlreadyPaired, result);
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_accepted()
    {
        var invitation = (await Invite(Alice, Bob))!;

        var (result, _) = await _pairs.CreateFromInvitationAsync(invitation, "Alice", "Bob", Now.AddHours(49));

        Assert.Equal(PairCreation.InvitationNotPending, result);
    }

    [Fact]
    public async Task Ending_a_pair_frees_both_members_and_keeps_the_pair_row()
    {
        var (_, pair) = await _pairs.CreateFromInvitationAsync((await Invite(Alice, Bob))!, "Alice", "Bob", Now);

        Assert.True(await _pairs.EndAsync(pair!.Id, "unpaired", Now));

        Assert.Null(await _pairs.FindCurrentAsync(Guild, Alice));
        Assert.Equal(PairStatus.Ended, (await _pairs.GetAsync(pair.Id))!.Status);
        Assert.False(await _pairs.EndAsync(pair.Id, "again", Now));
        var (again, _) = await _pairs.CreateFromInvitationAsync((await Invite(Alice, Carol))!, "Alice", "Carol", Now);
        Assert.Equal(PairCreation.Created, again);
    }

    [Fact]
    public async Task Overdue_invitations_are_expired_once_and_returned()
    {
        await Invite(Alice, Bob);
        await Invite(Carol, Bob);

        var expired = await _invitations.ExpireDueAsync(Now.AddHours(48));

        Assert.Equal(2, expired.Count);
        Assert.All(expired, i => Assert.Equal(InvitationStatus.Expired, i.Status));
        Assert.Empty(await _invitations.ExpireDueAsync(Now.AddHours(49)));
        Assert.NotNull(await Invite(Alice, Bob));
    }

    [Fact]
    public async Task Pending_invitations_involving_either_member_are_listed()
    {
        await Invite(Alice, Bob);
        await Invite(Carol, Alice);
        await Invite(Carol, new Snowflake(4));

        var pending = await _invitations.ListPendingInvolvingAsync(Guild, [Alice, Bob]);

        Assert.Equal(2, pending.Count);
    }
}
