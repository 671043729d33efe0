using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;
using static CrossCoaching.Tests.Pool.PoolWorld;

namespace CrossCoaching.Tests.Pool;

/// <summary>
/// The pool's role is checked again at matching and at accepting, not only at joining: a member who lost it is not
/// proposed, leaves the pool and is told; leaving the pool withdraws from a pending proposal.
/// </summary>
public sealed class PoolRoleTests : IAsyncLifetime
{
    private static readonly Snowflake Role = new(777);

    /// <summary>The notice's words before its command mention (rendered from a table other tests change).</summary>
    private const string RoleLostWords = "You are no longer in the matching pool: it is now for members with a role you do not have.";
    private readonly HashSet<Snowflake> _holding = [Alice, Bob, CarolUser.Id];
    private PoolWorld _w = null!;

    public async Task InitializeAsync()
    {
        _w = await PoolWorld.StartAsync();
        await _w.H.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, PoolRoleId: Role));
        // Discord answers with the roles each member holds now.
        _w.Api.OnGetGuildMember((_, user) => new GuildMember(new DiscordUser(user, "member", null, false), null, _holding.Contains(user) ? [Role] : []));
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private Task JoinWithRoleAsync(DiscordUser who) =>
        _w.PairAsync(who, roles: [Role], options: [Text("windows", "mon 18:00-20:00"), Text("timezone", "Europe/Paris")]);

    [Fact]
    public async Task A_member_who_lost_the_pools_role_is_not_proposed_leaves_the_pool_and_is_told_and_the_others_are_matched()
    {
        await JoinWithRoleAsync(AliceUser);
        _holding.Remove(Bob);
        await JoinWithRoleAsync(BobUser);
        _holding.Remove(Bob); // (the interaction still carried it; Discord no longer does)

        Assert.Null(await _w.PendingAsync(AliceUser));
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        Assert.Contains(await _w.DmsAsync(BobUser), m => m.Content!.StartsWith(RoleLostWords, StringComparison.Ordinal));
        Assert.NotNull(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));

        await JoinWithRoleAsync(CarolUser);

        Assert.True((await _w.PendingAsync(AliceUser))!.Involves(CarolUser.Id));
    }

    [Fact]
    public async Task A_member_who_left_the_server_leaves_the_pool_without_a_word_and_one_discord_cannot_answer_about_waits()
    {
        await JoinWithRoleAsync(AliceUser);
        _w.Api.OnGetGuildMember((_, user) => user == Bob ? throw FakeDiscordWorld.Refusal(404, 10007) : new GuildMember(new DiscordUser(user, "m", null, false), null, [Role]));
        await JoinWithRoleAsync(BobUser);

        Assert.Null(await _w.PendingAsync(AliceUser));
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        Assert.Empty(await _w.DmsAsync(BobUser));

        _w.Api.OnGetGuildMember((_, user) => user == CarolUser.Id ? throw FakeDiscordWorld.Refusal(500, 0) : new GuildMember(new DiscordUser(user, "m", null, false), null, [Role]));
        await JoinWithRoleAsync(CarolUser);

        Assert.Null(await _w.PendingAsync(AliceUser));
        Assert.NotNull(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, CarolUser.Id));
    }

    [Fact]
    public async Task Accepting_without_the_role_any_more_closes_the_proposal_and_the_other_goes_back_first_in_line()
    {
        await JoinWithRoleAsync(AliceUser);
        await JoinWithRoleAsync(BobUser);
        var proposal = (await _w.PendingAsync(AliceUser))!;
        await _w.AnswerAsync(AliceUser, proposal, accept: true);

        _holding.Remove(Bob);
        await _w.AnswerAsync(BobUser, proposal, accept: true);

        Assert.StartsWith(RoleLostWords, _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Empty(await _w.H.Get<PairRepository>().ListInGuildAsync(Guild));
        Assert.Equal(PoolProposalStatus.Declined, (await _w.H.Get<PoolProposalRepository>().GetAsync(proposal.Id))!.Status);
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        Assert.NotNull(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Contains(await _w.DmsAsync(AliceUser), m => m.Content!.Contains("first in line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_acceptance_checks_the_member_who_accepted_first_too()
    {
        await JoinWithRoleAsync(AliceUser);
        await JoinWithRoleAsync(BobUser);
        var proposal = (await _w.PendingAsync(AliceUser))!;
        await _w.AnswerAsync(AliceUser, proposal, accept: true);

        _holding.Remove(Alice);
        await _w.AnswerAsync(BobUser, proposal, accept: true);

        Assert.Contains("**Alice** can no longer take part in the matching pool", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Empty(await _w.H.Get<PairRepository>().ListInGuildAsync(Guild));
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Contains(await _w.DmsAsync(AliceUser), m => m.Content!.StartsWith(RoleLostWords, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaving_the_pool_with_a_proposal_pending_withdraws_from_it_and_the_other_goes_back_first_in_line()
    {
        await JoinWithRoleAsync(AliceUser);
        await JoinWithRoleAsync(BobUser);
        var proposal = (await _w.PendingAsync(AliceUser))!;
        await _w.AnswerAsync(AliceUser, proposal, accept: true);

        await _w.PressAsync(BobUser, ComponentId.Create(PoolButtons.Prefix, "leave"));

        Assert.Equal(PoolProposalStatus.Declined, (await _w.H.Get<PoolProposalRepository>().GetAsync(proposal.Id))!.Status);
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        Assert.Contains(await _w.DmsAsync(AliceUser), m => m.Content!.Contains("first in line", StringComparison.Ordinal));
        await _w.AnswerAsync(BobUser, proposal, accept: true);
        Assert.Empty(await _w.H.Get<PairRepository>().ListInGuildAsync(Guild));
    }
}
