using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Privacy;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Takeaways;
using Dapper;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Privacy;

/// <summary>The rest of what a member leaves behind: the ritual they changed, their round answers, their invitations.</summary>
public sealed partial class PersonalDataTests : IAsyncLifetime
{
    private FeatureHarness _world = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _world = await FeatureHarness.StartWithTrailAsync();
        _pair = await _world.PairAsync(Alice, Bob);
        await _world.Get<RitualRepository>().SaveAsync(new Ritual(_pair.Id,
            new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Europe/Paris", new DateOnly(2026, 11, 2)),
            15, 10, false, null, Monday, Bob));
        await using var db = await _world.Connections.OpenAsync();
        await db.ExecuteAsync(
            "INSERT INTO round_answers (pair_id, round_number, user_id, answer, answered_at) VALUES (@id, 1, @bob, 'continue', @at), (@id, 1, @alice, 'stop', @at)",
            new { id = _pair.Id, bob = Bob, alice = Alice, at = Monday });
        await _world.Get<InvitationRepository>().CreateAsync(Guild, HomeChannel, Carol, "Carol", Bob, Monday, Monday.AddDays(2));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Export_holds_the_ritual_round_answers_and_invitations_of_the_member()
    {
        await _world.RunAsync(_world.Command(Bob, "me", "export"));

        var files = _world.LastCallback.Message!.Files!;
        using var json = JsonDocument.Parse(files.Single(f => f.FileName.EndsWith(".json", StringComparison.Ordinal)).Content.ToArray());
        var pair = json.RootElement.GetProperty("pairs")[0];
        var ritual = pair.GetProperty("ritual");
        Assert.Equal(("week", "Monday", "14:00", "Europe/Paris", true),
            (ritual.GetProperty("frequency").GetString(), ritual.GetProperty("day").GetString(), ritual.GetProperty("local_time").GetString(),
             ritual.GetProperty("time_zone").GetString(), ritual.GetProperty("last_changed_by_you").GetBoolean()));
        Assert.Equal(("accepted", "Alice"), (pair.GetProperty("role").GetString(), pair.GetProperty("partner_name").GetString()));
        var answer = Assert.Single(pair.GetProperty("round_answers").EnumerateArray());
        Assert.Equal("continue", answer.GetProperty("answer").GetString());
        var invitations = json.RootElement.GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(["received", "received"], invitations.Select(i => i.GetProperty("role").GetString()));
        Assert.Contains(invitations, i => i.GetProperty("other_member_name").GetString() == "Carol");
        var markdown = Encoding.UTF8.GetString(files.Single(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)).Content);
        Assert.Contains("## Pair with Alice (active)", markdown, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_markdown_words_every_status_in_plain_english()
    {
        await HeldSessionWithTakeawayAsync();

        await _world.RunAsync(_world.Command(Bob, "me", "export"));

        var markdown = Markdown();
        Assert.Contains("## Pair with Alice (active)", markdown, StringComparison.Ordinal);
        Assert.Contains("Ritual: every Monday at 14:00 (Europe/Paris), 15 minutes, reminder 10 minutes before.", markdown, StringComparison.Ordinal);
        Assert.Contains(" — ended (held); your time in the room: 12 min", markdown, StringComparison.Ordinal);
        Assert.Contains("Your takeaway (🌐 public, not revealed yet):", markdown, StringComparison.Ordinal);
        Assert.Contains("- Round 1: Continue (", markdown, StringComparison.Ordinal);
        Assert.Contains("- received from Carol: pending (", markdown, StringComparison.Ordinal);
        Assert.Contains("- received from Alice: accepted (", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_french_export_reads_in_french_in_its_markdown_and_keeps_its_codes_in_the_json()
    {
        await HeldSessionWithTakeawayAsync();

        await _world.RunAsync(_world.Command(Bob, "me", "export", locale: "fr"));

        var markdown = Markdown();
        Assert.Contains("## Binôme avec Alice (actif)", markdown, StringComparison.Ordinal);
        Assert.Contains("Rituel : chaque lundi à 14:00 (Europe/Paris), 15 minutes, rappel 10 minutes avant.", markdown, StringComparison.Ordinal);
        Assert.Contains(" — terminée (tenue) ; votre temps dans le salon : 12 min", markdown, StringComparison.Ordinal);
        Assert.Contains("Votre enseignement (🌐 public, pas encore révélé) :", markdown, StringComparison.Ordinal);
        Assert.Contains("- Cycle 1 : Continuer (", markdown, StringComparison.Ordinal);
        Assert.Contains("- reçue de Carol : en attente (", markdown, StringComparison.Ordinal);
        Assert.Contains("- reçue de Alice : acceptée (", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnglishCodes(), markdown);

        var json = Encoding.UTF8.GetString(File(".json").Content);
        Assert.Matches(EnglishCodes(), json);
        Assert.Contains("\"day\": \"Monday\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"held\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_who_was_forgotten_is_named_in_the_readers_language()
    {
        await _world.RunAsync(_world.Button(Alice, $"me:forget:{Alice}"));

        await _world.RunAsync(_world.Command(Bob, "me", "export", locale: "fr"));

        Assert.Contains("## Binôme avec un ancien membre (terminé)", Markdown(), StringComparison.Ordinal);
    }

    /// <summary>A session three hours ago, held, where Bob stayed 12 minutes and wrote a takeaway that waits for Alice's.</summary>
    private async Task HeldSessionWithTakeawayAsync()
    {
        var session = await _world.SessionAsync(_pair, Monday.AddHours(-3));
        await _world.Get<AttendanceRepository>().JoinAsync(session.Id, Bob, session.SlotAt.AddMinutes(1));
        await _world.Get<AttendanceRepository>().LeaveAsync(session.Id, Bob, session.SlotAt.AddMinutes(13));
        await _world.RunAsync(_world.Takeaway(Bob, "Bob will slow down."));
    }

    private FileAttachment File(string extension) =>
        _world.LastCallback.Message!.Files!.Single(f => f.FileName.EndsWith(extension, StringComparison.Ordinal));

    private string Markdown() => Encoding.UTF8.GetString(File(".md").Content);

    // The codes the JSON holds for this member's data, and English words a French reader should not meet.
    [GeneratedRegex(@"\b(active|ended|held|Monday|week|continue|Continue|pending|accepted|received|Round|Ritual|Sessions)\b")]
    private static partial Regex EnglishCodes();

    [Fact]
    public async Task Forget_removes_the_members_answers_and_invitations_and_their_name_from_the_ritual()
    {
        await _world.RunAsync(_world.Button(Bob, $"me:forget:{Bob}"));

        Assert.Contains("1 round answer(s) and 2 invitation(s)", _world.LastReply, StringComparison.Ordinal);
        await using var db = await _world.Connections.OpenAsync();
        Assert.Equal(["stop"], await db.QueryAsync<string>("SELECT answer FROM round_answers"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM invitations"));
        var ritual = (await _world.Get<RitualRepository>().GetAsync(_pair.Id))!;
        Assert.True(FormerMember.Is(ritual.UpdatedBy));
        var pair = (await _world.Get<PairRepository>().GetAsync(_pair.Id))!;
        Assert.Equal((Alice, "Alice", FormerMember.InSlotB, ""), (pair.MemberA, pair.NameA, pair.MemberB, pair.NameB));
        Assert.Contains("asked CrossCoaching to forget them", Assert.Single(_world.DmsTo(Alice)).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_blanks_the_member_in_the_dates_they_proposed_to_move_and_leaves_the_partners_proposals_alone()
    {
        var session = await _world.SessionAsync(_pair, Monday.AddDays(7).AddHours(1), SessionStatus.Scheduled);
        await using (var work = await _world.Connections.BeginAsync())
        {
            var moves = _world.Get<MoveProposals>();
            await moves.ProposeAsync(work, _pair.Id, session.Id, session.SlotAt, session.SlotAt.AddDays(1), Bob, Monday);
            await work.ExecuteAsync("UPDATE move_proposals SET status = 'declined'");
            await moves.ProposeAsync(work, _pair.Id, session.Id, session.SlotAt, session.SlotAt.AddDays(2), Alice, Monday);
            await work.CommitAsync();
        }

        await _world.RunAsync(_world.Button(Bob, $"me:forget:{Bob}"));

        await using var db = await _world.Connections.OpenAsync();
        var proposers = (await db.QueryAsync<long>("SELECT proposed_by FROM move_proposals ORDER BY id")).ToList();
        // Bob was partner B of the pair: his proposal now reads as partner B's sentinel; Alice's is untouched.
        Assert.Equal([(long)FormerMember.InSlotB.Value, (long)Alice.Value], proposers);
    }

    [Fact]
    public async Task Forget_in_one_server_leaves_the_members_data_in_another()
    {
        await using (var db = await _world.Connections.OpenAsync())
            await db.ExecuteAsync(
                "INSERT INTO invitations (guild_id, channel_id, inviter_id, inviter_name, invitee_id, status, created_at, expires_at) VALUES (99, 1, @bob, 'Bob', @carol, 'pending', @at, @at)",
                new { bob = Bob, carol = Carol, at = Monday });

        await _world.RunAsync(_world.Button(Bob, $"me:forget:{Bob}"));

        await using var check = await _world.Connections.OpenAsync();
        Assert.Equal(1, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM invitations WHERE guild_id = 99 AND inviter_id = @bob", new { bob = Bob }));
    }
}
