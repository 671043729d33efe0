using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Pool;

/// <summary>The bot's real services on <see cref="FeatureHarness.Monday"/>, with members who run <c>/pair</c> and press the pool's buttons.</summary>
public sealed class PoolWorld : IAsyncDisposable
{
    public static readonly DiscordUser AliceUser = User(Alice, "Alice"), BobUser = User(Bob, "Bob"), CarolUser = User(new Snowflake(13), "Carol");

    private PoolWorld(FeatureHarness harness) => H = harness;

    public FeatureHarness H { get; }

    public FakeDiscordApi Api => H.Api;

    public static async Task<PoolWorld> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var harness = await FeatureHarness.StartAsync(Monday, settings);
        harness.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        return new PoolWorld(harness);
    }

    /// <summary><c>/pair</c> without a partner, as <paramref name="who"/>, with these options.</summary>
    public Task<FakeDiscordApi> PairAsync(DiscordUser who, string locale = "en-US", IReadOnlyList<Snowflake>? roles = null, params InteractionOption[] options)
    {
        var interaction = Command(Guild, HomeChannel, who, "pair", options: options, locale: locale);
        if (roles is not null)
            interaction = interaction with { Member = new GuildMember(who, null, roles) };
        return RunAsync(Api, interaction, c => H.Get<PairCommand>().HandleAsync(c));
    }

    /// <summary>Enters the pool with one window on Monday evening in Paris, the default of these tests.</summary>
    public Task<FakeDiscordApi> JoinAsync(DiscordUser who, string windows = "mon 18:00-20:00", string zone = "Europe/Paris", string languages = "both") =>
        PairAsync(who, options: [Text("windows", windows), Text("timezone", zone), Text("languages", languages)]);

    public Task<FakeDiscordApi> BlockAsync(DiscordUser who, DiscordUser blocked)
    {
        var (option, resolved) = UserOption("block", blocked);
        return RunAsync(Api, Command(Guild, HomeChannel, who, "pair", options: [option], resolved: resolved), c => H.Get<PairCommand>().HandleAsync(c));
    }

    /// <summary>Presses Accept or Decline on the proposal, in the member's DM.</summary>
    public Task<FakeDiscordApi> AnswerAsync(DiscordUser who, PoolProposal proposal, bool accept)
    {
        var id = ComponentId.Create(ProposalButtons.Prefix, accept ? "accept" : "decline", proposal.Id);
        return RunAsync(Api, DmButton(who, id), c => H.Get<ProposalButtons>().HandleAsync(c, ComponentId.Parse(id)));
    }

    public Task<FakeDiscordApi> PressAsync(DiscordUser who, string customId, string locale = "en-US") =>
        RunAsync(Api, Button(Guild, HomeChannel, who, customId, locale), c => H.Get<PoolButtons>().HandleAsync(c, ComponentId.Parse(customId)));

    public Task<PoolProposal?> PendingAsync(DiscordUser who) => H.Get<PoolProposalRepository>().PendingForAsync(Guild, who.Id, H.Time.GetUtcNow());

    /// <summary>The DMs the member received, once the outbox has sent what it owes.</summary>
    public async Task<IReadOnlyList<MessageSpec>> DmsAsync(DiscordUser who)
    {
        await H.DrainAsync();
        return Api.MessagesIn(FakeDiscordWorld.DmChannelOf(who.Id));
    }

    public ValueTask DisposeAsync() => H.DisposeAsync();
}
