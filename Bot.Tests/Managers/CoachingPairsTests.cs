using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Localization;
using CrossCoaching.Managers;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Managers;

/// <summary><c>/coaching pairs</c>: the list with each pair's health, its pages, and ending a pair from it.</summary>
public sealed class CoachingPairsTests : IAsyncLifetime
{
    private static readonly Snowflake Manager = new(20);
    private FeatureHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Interaction Pairs(Snowflake user, Permissions permissions = Permissions.ManageGuild, string locale = "en-US") =>
        _h.Command(user, "coaching", "pairs", locale: locale) with { MemberPermissions = permissions };

    private Interaction Press(string customId, Snowflake? user = null) =>
        _h.Button(user ?? Manager, customId) with { MemberPermissions = Permissions.ManageGuild };

    private MessageSpec Shown => _h.LastCallback.Message!;

    private string Button(string label) => Shown.Components!.SelectMany(r => r.Buttons).Single(b => b.Label == label).CustomId;

    private async Task<Session> SessionAsync(Pair pair, int daysAgo, SessionOutcome outcome)
    {
        var session = await _h.SessionAsync(pair, Monday.AddDays(-daysAgo), SessionStatus.Scheduled);
        await _h.Get<SessionRepository>().SetStatusAsync(session.Id, SessionStatus.Closed, outcome, closedAt: session.SlotAt.AddMinutes(20));
        return session;
    }

    /// <summary>Pairs of members 100+2i and 101+2i, formed a month ago.</summary>
    private async Task<List<Pair>> ManyPairsAsync(int count)
    {
        var pairs = new List<Pair>();
        for (var i = 0; i < count; i++)
            pairs.Add(await _h.PairAsync(new Snowflake((ulong)(100 + 2 * i)), new Snowflake((ulong)(101 + 2 * i))));
        return pairs;
    }

    [Fact]
    public async Task A_manager_sees_each_pairs_last_session_streak_and_whether_it_is_at_risk_only_to_themselves()
    {
        var steady = await _h.PairAsync(Alice, Bob);
        await SessionAsync(steady, 14, SessionOutcome.Held);
        await SessionAsync(steady, 7, SessionOutcome.Held);
        var fading = await _h.PairAsync(Carol, Dave);
        await SessionAsync(fading, 14, SessionOutcome.Missed);
        await SessionAsync(fading, 7, SessionOutcome.Missed);

        await _h.RunAsync(Pairs(Manager));

        Assert.True(_h.LastCallback.Ephemeral);
        var lines = Shown.Content!.Split('\n');
        Assert.Contains("Pairs in this server** — 1–2 of 2", lines[0], StringComparison.Ordinal);
        var week = Monday.AddDays(-7).ToUnixTimeSeconds();
        Assert.Equal($"1. **Alice** & **Bob** — last session <t:{week}:d>: Held · streak 2 · no ritual set", lines[1]);
        Assert.Equal($"2. **Carol** & **Dave** — ⚠ at risk: the last two sessions were missed · last session <t:{week}:d>: Missed · streak 0 · no ritual set", lines[2]);
        Assert.Contains("held no session for 4 weeks", Shown.Content, StringComparison.Ordinal); // the rule, under the list
        Assert.Equal(AllowedMentions.None, Shown.Mentions);
        Assert.Equal(["End 1", "End 2"], Shown.Components![0].Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task A_pair_whose_partner_left_or_that_has_not_talked_for_four_weeks_is_at_risk_and_a_new_pair_is_not()
    {
        var left = await _h.PairAsync(Alice, Bob);
        await _h.Get<PairRepository>().SuspendAsync(left.Id, "left");
        var quiet = await _h.PairAsync(Carol, Dave);
        await SessionAsync(quiet, 35, SessionOutcome.Held);
        _h.Time.Advance(TimeSpan.FromDays(29));
        await _h.PairAsync(new Snowflake(30), new Snowflake(31));

        await _h.RunAsync(Pairs(Manager));

        var lines = Shown.Content!.Split('\n');
        Assert.Contains("⚠ at risk: a partner left the server", lines[1], StringComparison.Ordinal);
        Assert.Contains("⚠ at risk: no session held for 4 weeks", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("at risk", lines[3], StringComparison.Ordinal);
        Assert.Contains("no session yet", lines[3], StringComparison.Ordinal);
        Assert.Equal(3, Shown.Components![0].Buttons.Count);
    }

    [Fact]
    public async Task A_member_without_manage_server_is_refused_politely_in_their_language_even_when_the_server_shows_them_the_command()
    {
        await _h.PairAsync(Alice, Bob);

        await _h.RunAsync(Pairs(Carol, Permissions.SendMessages, "fr"));

        Assert.True(_h.LastCallback.Ephemeral);
        Assert.Equal(SetupTexts.ManagersOnly.Fr, _h.LastReply);
    }

    [Fact]
    public async Task Pages_of_five_move_with_previous_and_next_and_stay_put_when_a_pair_ends_meanwhile()
    {
        var pairs = await ManyPairsAsync(7);
        await _h.RunAsync(Pairs(Manager));
        Assert.Contains("1–5 of 7", Shown.Content, StringComparison.Ordinal);
        Assert.True(Shown.Components![1].Buttons[0].Disabled); // no Previous on the first page
        var next = Button("Next");

        // The second pair ends by itself before the manager presses Next: the next page still starts at the sixth pair.
        await _h.Get<PairRepository>().EndAsync(pairs[1].Id, "unpaired", Monday);
        await _h.RunAsync(Press(next));

        Assert.Contains("5–6 of 6", Shown.Content, StringComparison.Ordinal);
        Assert.Equal(2, Shown.Components![0].Buttons.Count);
        Assert.Contains(ComponentId.Create(PairsView.Prefix, "end", Manager, pairs[5].Id, pairs[5].Id), Shown.Components[0].Buttons.Select(b => b.CustomId));
        Assert.True(Shown.Components[1].Buttons[1].Disabled);

        await _h.RunAsync(Press(Button("Previous")));
        Assert.Contains("1–5 of 6", Shown.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_pair_asks_first_then_ends_it_as_unpair_does_tells_both_partners_and_keeps_their_takeaways()
    {
        var pair = await _h.PairAsync(Alice, Bob);
        var held = await SessionAsync(pair, 7, SessionOutcome.Held);
        var coming = await _h.SessionAsync(pair, Monday.AddDays(7), SessionStatus.Scheduled);
        await using (var db = await _h.Connections.OpenAsync())
            await db.ExecuteAsync(
                "INSERT INTO takeaways (session_id, pair_id, author_id, author_name, text, visibility, created_at, updated_at) VALUES (@s, @p, @a, 'Alice', 'Listen first', 'public', @at, @at)",
                new { s = held.Id, p = pair.Id, a = Alice, at = held.SlotAt });
        await _h.RunAsync(Pairs(Manager));

        await _h.RunAsync(Press(Button("End 1")));
        Assert.Contains("End the pair of **Alice** and **Bob**?", Shown.Content, StringComparison.Ordinal);
        await _h.RunAsync(Press(Button("Cancel")));
        Assert.Contains("1. **Alice** & **Bob**", Shown.Content, StringComparison.Ordinal);
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(pair.Id))!.Status);

        await _h.RunAsync(Press(Button("End 1")));
        await _h.RunAsync(Press(Button("End this pair")));

        Assert.StartsWith("Ended the pair of **Alice** and **Bob**", Shown.Content, StringComparison.Ordinal);
        Assert.Contains("No pair in this server yet", Shown.Content, StringComparison.Ordinal);
        Assert.Equal(PairStatus.Ended, (await _h.Get<PairRepository>().GetAsync(pair.Id))!.Status);
        Assert.Equal(SessionStatus.Cancelled, (await _h.Get<SessionRepository>().GetAsync(coming.Id))!.Status);
        Assert.Contains("ended your pair with **Bob**", Assert.Single(_h.DmsTo(Alice)).Content, StringComparison.Ordinal);
        Assert.Contains("ended your pair with **Alice**", Assert.Single(_h.DmsTo(Bob)).Content, StringComparison.Ordinal);
        await using var check = await _h.Connections.OpenAsync();
        Assert.Equal(1, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM takeaways WHERE pair_id = @id", new { id = pair.Id }));
        // The partners are free to pair again.
        Assert.Null(await _h.Get<PairRepository>().FindCurrentAsync(Guild, Alice));
    }

    [Fact]
    public async Task Confirming_the_end_of_a_pair_that_ended_meanwhile_says_so_and_tells_nobody_twice()
    {
        var pair = await _h.PairAsync(Alice, Bob);
        await _h.RunAsync(Pairs(Manager));
        await _h.RunAsync(Press(Button("End 1")));
        var confirm = Button("End this pair");

        await _h.RunAsync(_h.Button(Alice, ComponentId.Create(UnpairCommand.Prefix, "confirm", pair.Id)));
        await _h.RunAsync(Press(confirm));

        Assert.StartsWith(ManagersTexts.AlreadyEnded.En, Shown.Content, StringComparison.Ordinal);
        Assert.Empty(_h.DmsTo(Alice));
        Assert.DoesNotContain(_h.DmsTo(Bob), m => m.Content!.Contains("manager", StringComparison.Ordinal));
        await using var db = await _h.Connections.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task Only_the_manager_who_ran_the_list_can_press_its_buttons()
    {
        var pair = await _h.PairAsync(Alice, Bob);
        await _h.RunAsync(Pairs(Manager));
        var end = Button("End 1");

        await _h.RunAsync(Press(end, new Snowflake(21)));

        Assert.Equal(CommonTexts.NotForYou.En, _h.LastReply);
        Assert.True(_h.LastCallback.Ephemeral);
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(pair.Id))!.Status);
    }

    [Fact]
    public async Task The_list_reads_in_french_for_a_french_manager()
    {
        var pair = await _h.PairAsync(Alice, Bob);
        await SessionAsync(pair, 7, SessionOutcome.Held);

        await _h.RunAsync(Pairs(Manager, locale: "fr"));

        Assert.Contains("Binômes du serveur** — 1 à 1 sur 1", Shown.Content, StringComparison.Ordinal);
        Assert.Contains("dernière séance", Shown.Content, StringComparison.Ordinal);
        Assert.Contains("Tenue · série 1", Shown.Content, StringComparison.Ordinal);
        Assert.Equal(["Finir 1"], Shown.Components![0].Buttons.Select(b => b.Label));
    }
}
