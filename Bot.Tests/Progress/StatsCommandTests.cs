using System.Text.RegularExpressions;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static CrossCoaching.Tests.Progress.ProgressHarness;

namespace CrossCoaching.Tests.Progress;

public sealed class StatsCommandTests : IAsyncLifetime
{
    private const string Secret = "MY-SECRET-TAKEAWAY";
    private static readonly Snowflake Carol = new(4), Dave = new(5);
    private ProgressHarness _h = null!;
    private Pair _pair = null!;

    /// <summary>Alice and Bob: two held sessions (12 minutes together each), Alice alone at the third, then an announced skip.</summary>
    public async Task InitializeAsync()
    {
        _h = await CreateAsync();
        _pair = await _h.PairAsync();
        foreach (var week in new[] { 1, 2 })
        {
            var held = await _h.SessionAsync(_pair, Week(week), SessionStatus.Closed, SessionOutcome.Held);
            await StayAsync(held, Alice, 0, 14);
            await StayAsync(held, Bob, 2, 14);
            await WriteTakeawayAsync(held);
        }

        var partial = await _h.SessionAsync(_pair, Week(3), SessionStatus.Closed, SessionOutcome.Partial);
        await StayAsync(partial, Alice, 0, 15);
        await _h.SessionAsync(_pair, Week(4), SessionStatus.Skipped, SessionOutcome.Skipped, skipAnnounced: true);
        _h.Time.SetUtcNow(Week(4).AddHours(1));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task StayAsync(Session session, Snowflake user, int fromMinute, int toMinute)
    {
        await _h.Get<AttendanceRepository>().JoinAsync(session.Id, user, session.SlotAt.AddMinutes(fromMinute));
        await _h.Get<AttendanceRepository>().LeaveAsync(session.Id, user, session.SlotAt.AddMinutes(toMinute));
    }

    private async Task WriteTakeawayAsync(Session session)
    {
        await using var connection = await _h.Get<SqliteConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO takeaways (session_id, pair_id, author_id, author_name, text, visibility, created_at, updated_at) VALUES (@Id, @PairId, 1, 'Alice', @Secret, 'public', @SlotAt, @SlotAt)",
            new { session.Id, session.PairId, Secret, session.SlotAt });
    }

    private async Task<InteractionCallback> StatsAsync(Snowflake user, Permissions permissions = Permissions.None, string locale = "en-US")
    {
        using var context = new InteractionContext(Command(user, permissions, locale), _h.Api, _h.Time.GetUtcNow());
        await _h.Get<StatsCommand>().HandleAsync(context);
        return _h.Api.Callbacks.Last();
    }

    private async Task AtRiskPairAsync()
    {
        var other = await _h.PairAsync(Carol, Dave, "Carol", "Dave");
        await _h.SessionAsync(other, Week(2), SessionStatus.Closed, SessionOutcome.Held);
        await _h.SessionAsync(other, Week(3), SessionStatus.Closed, SessionOutcome.Missed);
        await _h.SessionAsync(other, Week(4), SessionStatus.Closed, SessionOutcome.Missed);
    }

    [Fact]
    public async Task Stats_in_English_give_counts_attendance_minutes_streaks_and_round_ephemerally()
    {
        var reply = await StatsAsync(Bob);

        Assert.True(reply.Ephemeral);
        Assert.Equal(
            """
            📊 **Your pair with Alice**
            Sessions: **2** held · **1** partial · **0** missed · **1** skipped
            Your attendance: **67%** (2 of the 3 sessions that took place)
            Minutes together: **24**
            Streak: **0** held in a row (longest: **2**)
            Round 1: 3/4 sessions
            """.ReplaceLineEndings("\n"), reply.Message!.Content);
        Assert.Empty(reply.Message.Mentions.Users);
    }

    [Fact]
    public async Task Stats_follow_the_invokers_language_in_French()
    {
        var reply = await StatsAsync(Alice, locale: "fr");

        Assert.Equal(
            """
            📊 **Votre binôme avec Bob**
            Séances — tenues : **2** · partielles : **1** · manquées : **0** · passées : **1**
            Votre présence : **100 %** (3 sur 3 séances qui ont eu lieu)
            Minutes ensemble : **24**
            Série de séances tenues : **0** (record : **2**)
            Cycle 1 : 3/4 séances
            """.ReplaceLineEndings("\n"), reply.Message!.Content);
    }

    [Fact]
    public async Task A_member_without_a_pair_is_told_how_to_form_one()
    {
        var refusal = await Assert.ThrowsAsync<UserErrorException>(() => StatsAsync(Stranger));

        Assert.StartsWith("You have no partner on this server. Invite someone with ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_pair_ended_its_stats_stay_readable()
    {
        await _h.Get<PairRepository>().EndAsync(_pair.Id, "unpaired", _h.Time.GetUtcNow());

        var reply = await StatsAsync(Alice);

        Assert.StartsWith("📊 **Your pair with Bob** (ended)\nSessions: **2** held", reply.Message!.Content, StringComparison.Ordinal);
        Assert.EndsWith("Rounds: 1 (the pair has ended)", reply.Message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_several_ended_pairs_the_latest_is_shown()
    {
        await _h.Get<PairRepository>().EndAsync(_pair.Id, "unpaired", _h.Time.GetUtcNow());
        _h.Time.Advance(TimeSpan.FromDays(1));
        var second = await _h.PairAsync(Alice, Carol, "Alice", "Carol");
        await _h.Get<PairRepository>().EndAsync(second.Id, "unpaired", _h.Time.GetUtcNow());

        var reply = await StatsAsync(Alice);

        Assert.StartsWith("📊 **Your pair with Carol** (ended)\nSessions: **0** held", reply.Message!.Content, StringComparison.Ordinal);
        Assert.Contains("Your attendance: — (no session has taken place yet)", reply.Message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_figures_are_shown_only_to_members_who_manage_the_server()
    {
        await AtRiskPairAsync();

        var member = (await StatsAsync(Alice)).Message!.Content!;
        var manager = (await StatsAsync(Alice, Permissions.ManageGuild)).Message!.Content!;

        Assert.DoesNotContain("This server", member, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", member, StringComparison.Ordinal);
        Assert.StartsWith("📊 **Your pair with Bob**", manager, StringComparison.Ordinal);
        Assert.EndsWith(
            """
            🏢 **This server**
            Active pairs: **2**
            Pairs at risk (their last two sessions were missed): **1**
            • **Carol** & **Dave**
            """.ReplaceLineEndings("\n"), manager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_without_a_pair_sees_the_server_figures_alone_in_their_language()
    {
        var reply = await StatsAsync(Stranger, Permissions.ManageGuild, "fr");

        Assert.Equal("🏢 **Ce serveur**\nBinômes actifs : **1**\nBinômes en difficulté (leurs deux dernières séances manquées) : aucun", reply.Message!.Content);
    }

    [Fact]
    public async Task Stats_never_contain_takeaway_text()
    {
        await AtRiskPairAsync();

        var replies = new[] { await StatsAsync(Alice), await StatsAsync(Bob, Permissions.ManageGuild), await StatsAsync(Carol, Permissions.Administrator) };

        Assert.All(replies, r => Assert.DoesNotContain(Secret, r.Message!.Content, StringComparison.Ordinal));
        Assert.Contains("🏢", replies[2].Message!.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_is_named_stats_with_a_French_description_and_a_valid_French_name()
    {
        var definition = _h.Get<StatsCommand>().Definition;

        Assert.Equal("stats", definition.Name);
        Assert.Matches(new Regex(@"^[-_'\p{L}\p{N}]{1,32}$"), definition.NameLocalizations!.ByLocale["fr"]);
        Assert.Equal(ProgressTexts.StatsDescription.Fr, definition.DescriptionLocalizations!.ByLocale["fr"]);
        Assert.Contains(_h.Services.GetServices<ISlashCommand>(), c => c is StatsCommand);
    }

    [Fact]
    public async Task Ritual_show_carries_the_round_progress_line()
    {
        await _h.RitualAsync(_pair);
        var show = _h.Services.GetServices<IRitualSubcommand>().OfType<RitualShow>().Single();

        using var context = new InteractionContext(Command(Alice) with { CommandName = "ritual", Subcommand = "show" }, _h.Api, _h.Time.GetUtcNow());
        await show.HandleAsync(context);

        Assert.EndsWith("\nRound 1: 3/4 sessions", _h.Api.Callbacks.Last().Message!.Content, StringComparison.Ordinal);
    }
}
