using System.Text;
using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Members;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// Whether a partner is still on the server, answered by what the gateway told the bot (Request Guild Members' answers,
/// voice states) before any REST look-up: a session's check costs no REST request when the gateway knows.
/// </summary>
public sealed class GatewayMembershipTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair, MondayAt14, reminder: 0);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private int MemberLookups => _h.Api.Calls.Count(c => c.Method == nameof(IDiscordApi.GetGuildMemberAsync));

    private ValueTask ChunkAsync(string json) =>
        _h.Get<MemberEvents>().OnDispatchAsync("GUILD_MEMBERS_CHUNK", JsonDocument.Parse(Encoding.UTF8.GetBytes(json)).RootElement);

    [Fact]
    public async Task A_room_for_partners_the_gateway_just_found_costs_no_member_look_up()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ChunkAsync($$$"""
            {"guild_id":"{{{Guild}}}","chunk_index":0,"chunk_count":1,"members":[{"user":{"id":"{{{Alice}}}","username":"alice"}},{"user":{"id":"{{{Bob}}}","username":"bob"}}]}
            """);

        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);

        Assert.Single(_h.Api.ChannelsCreated());
        Assert.Equal(0, MemberLookups);
    }

    [Fact]
    public async Task A_partner_the_gateway_did_not_find_is_gone_without_a_REST_look_up()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ChunkAsync($$$"""
            {"guild_id":"{{{Guild}}}","chunk_index":0,"chunk_count":1,"members":[{"user":{"id":"{{{Alice}}}","username":"alice"}}],"not_found":["{{{Bob}}}"]}
            """);

        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);

        Assert.Empty(_h.Api.ChannelsCreated());
        Assert.Equal(PairStatus.Suspended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(0, MemberLookups);
    }

    [Fact]
    public async Task A_partner_who_left_voice_is_no_longer_taken_for_a_member_and_is_asked_about_by_REST()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        var events = _h.Get<MemberEvents>();
        foreach (var (user, channel) in new[] { (Alice, "\"77\""), (Bob, "\"77\""), (Bob, "null") })
            await events.OnDispatchAsync("VOICE_STATE_UPDATE", JsonDocument.Parse($$"""{"guild_id":"{{Guild}}","user_id":"{{user}}","channel_id":{{channel}}}""").RootElement);

        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);

        Assert.Equal([Bob], _h.Api.Calls.Where(c => c.Method == nameof(IDiscordApi.GetGuildMemberAsync)).Select(c => (Snowflake)c.Args[1]!));
    }

    [Fact]
    public void The_member_request_asks_for_the_ids_with_a_nonce_and_fits_a_gateway_payload()
    {
        var ids = Enumerable.Range(1, GatewayMemberDirectory.MaxUserIds).Select(i => new Snowflake(ulong.MaxValue / 2 - (ulong)i)).ToList();

        var payload = GatewayMemberDirectory.Payload(Guild, ids, "m12");

        var d = JsonDocument.Parse(payload).RootElement.GetProperty("d");
        Assert.Equal(8, JsonDocument.Parse(payload).RootElement.GetProperty("op").GetInt32());
        Assert.Equal(Guild.ToString(), d.GetProperty("guild_id").GetString());
        Assert.Equal(100, d.GetProperty("user_ids").GetArrayLength());
        Assert.Equal("m12", d.GetProperty("nonce").GetString());
        Assert.InRange(payload.Length, 1, 4096);
    }
}
