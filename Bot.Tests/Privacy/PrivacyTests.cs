using System.Text;
using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Privacy;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Takeaways;
using Dapper;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Privacy;

public sealed class PrivacyTests : IAsyncLifetime
{
    private FeatureHarness _world = null!;
    private Pair _pair = null!;
    private Session _past = null!;

    public async Task InitializeAsync()
    {
        _world = await FeatureHarness.StartWithTrailAsync();
        _pair = await _world.PairAsync(Alice, Bob);
        _past = await _world.SessionAsync(_pair, Monday.AddHours(-3));
        await _world.Get<AttendanceRepository>().JoinAsync(_past.Id, Alice, _past.SlotAt.AddMinutes(1));
        await _world.Get<AttendanceRepository>().LeaveAsync(_past.Id, Alice, _past.SlotAt.AddMinutes(14));
        await _world.Get<AttendanceRepository>().JoinAsync(_past.Id, Bob, _past.SlotAt.AddMinutes(2));
        await _world.RunAsync(_world.Takeaway(Alice, "Alice learned to listen. @everyone"));
        await _world.RunAsync(_world.Takeaway(Bob, "Bob will slow down."));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task Me(Snowflake user, string subcommand) => _world.RunAsync(_world.Command(user, "me", subcommand));

    private static string FileText(MessageSpec message, string extension) =>
        Encoding.UTF8.GetString(message.Files!.Single(f => f.FileName.EndsWith(extension, StringComparison.Ordinal)).Content);

    [Fact]
    public async Task Export_attaches_a_json_and_a_markdown_file_holding_the_members_data()
    {
        var later = await _world.SessionAsync(_pair, Monday.AddHours(-1));
        await _world.RunAsync(_world.Takeaway(Alice, "Still held, private.", "private"));

        await Me(Alice, "export");

        var reply = _world.LastCallback;
        Assert.True(reply.Ephemeral);
        Assert.Equal(2, reply.Message!.Files!.Count);
        using var json = JsonDocument.Parse(FileText(reply.Message, ".json"));
        var root = json.RootElement;
        Assert.Equal(Alice.ToString(), root.GetProperty("user_id").GetString());
        var pair = Assert.Single(root.GetProperty("pairs").EnumerateArray());
        Assert.Equal("Bob", pair.GetProperty("partner_name").GetString());
        var sessions = pair.GetProperty("sessions").EnumerateArray().ToList();
        var takeaways = sessions.Where(s => s.GetProperty("your_takeaway").ValueKind == JsonValueKind.Object)
            .Select(s => s.GetProperty("your_takeaway")).ToList();
        Assert.Equal(["Alice learned to listen. @everyone", "Still held, private."], takeaways.Select(t => t.GetProperty("text").GetString()));
        Assert.Equal(["public", "private"], takeaways.Select(t => t.GetProperty("visibility").GetString()));
        var stay = Assert.Single(sessions.First(s => s.GetProperty("id").GetInt64() == _past.Id).GetProperty("your_voice_attendance").EnumerateArray());
        Assert.Equal(_past.SlotAt.AddMinutes(1), stay.GetProperty("joined_at").GetDateTimeOffset());
        Assert.Contains(sessions, s => s.GetProperty("id").GetInt64() == later.Id);
        var invitation = Assert.Single(root.GetProperty("invitations").EnumerateArray());
        Assert.Equal(("sent", Bob.ToString()), (invitation.GetProperty("role").GetString(), invitation.GetProperty("other_member_id").GetString()));

        var all = FileText(reply.Message, ".json") + FileText(reply.Message, ".md");
        Assert.DoesNotContain("Bob will slow down.", all, StringComparison.Ordinal);
        Assert.Contains("Still held, private.", FileText(reply.Message, ".md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_deletes_the_members_data_and_keeps_the_partners_takeaways_under_a_former_members_name()
    {
        await Me(Alice, "forget");
        var confirm = _world.LastCallback;
        Assert.True(confirm.Ephemeral);
        var button = confirm.Message!.Components!.Single().Buttons.Single(b => b.Style == ButtonStyle.Danger);

        await _world.RunAsync(_world.Button(Alice, button.CustomId));

        Assert.Equal(InteractionCallbackType.UpdateMessage, _world.Api.Callbacks.Last().Type);
        Assert.Contains("deleted 1 takeaway(s), 1 voice attendance record(s)", _world.LastReply, StringComparison.Ordinal);
        await using var db = await _world.Connections.OpenAsync();
        foreach (var table in new[] { "takeaways WHERE author_id", "attendance WHERE user_id", "invitations WHERE inviter_id", "pair_members WHERE user_id",
            "pairs WHERE member_a_id", "pairs WHERE member_b_id", "session_notices WHERE user_id" })
            Assert.Equal(0, await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} = @id", new { id = (long)Alice.Value }));
        var kept = Assert.Single(await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id));
        Assert.Equal("Bob will slow down.", kept.Text);

        await _world.RunAsync(_world.Command(Bob, "takeaways"));
        var trail = Everything(_world.LastCallback.Message!);
        Assert.Contains("Your trail with a former member", trail, StringComparison.Ordinal);
        Assert.Contains("Bob will slow down.", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_rewrites_the_trail_message_without_the_member()
    {
        var posted = Assert.Single(_world.TrailPosts);
        Assert.Contains("Alice learned", Everything(posted), StringComparison.Ordinal);

        await _world.RunAsync(_world.Button(Alice, $"me:forget:{Alice}"));

        var edit = Assert.Single(_world.TrailEdits);
        Assert.Same(AllowedMentions.None, edit.Mentions);
        var text = Everything(edit);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
        Assert.Contains("a former member & Bob", text, StringComparison.Ordinal);
        Assert.Contains("Bob will slow down.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forget_that_stopped_before_its_trail_edits_were_owed_has_them_finished_by_the_reconciler()
    {
        Assert.Single(_world.TrailPosts);

        // The erase commits, then the process stops before anything is owed to Discord.
        await _world.Get<Forgetting>().ForgetAsync(FeatureHarness.Guild, Alice);
        Assert.Empty(_world.TrailEdits);

        await _world.ReconcileAsync<TakeawayRevealer>();

        var edit = Assert.Single(_world.TrailEdits);
        Assert.DoesNotContain("Alice", Everything(edit), StringComparison.Ordinal);
        await _world.ReconcileAsync<TakeawayRevealer>();
        Assert.Single(_world.TrailEdits); // owed once: the marker went with the edit's row
    }

    [Fact]
    public async Task Forget_ends_the_current_pair_cancels_its_future_sessions_and_tells_the_partner()
    {
        var future = await _world.SessionAsync(_pair, Monday.AddDays(3), SessionStatus.Scheduled);

        await _world.RunAsync(_world.Button(Alice, $"me:forget:{Alice}"));

        var pair = (await _world.Get<PairRepository>().GetAsync(_pair.Id))!;
        Assert.Equal((PairStatus.Ended, FormerMember.InSlotA, ""), (pair.Status, pair.MemberA, pair.NameA));
        Assert.Null(await _world.Get<PairRepository>().FindCurrentAsync(Guild, Bob));
        Assert.Equal(SessionStatus.Cancelled, (await _world.Get<SessionRepository>().GetAsync(future.Id))!.Status);
        Assert.Contains("Your pair with **Bob** has ended", _world.LastReply, StringComparison.Ordinal);
        var told = Assert.Single(_world.DmsTo(Bob));
        Assert.Contains("**Alice** asked CrossCoaching to forget them", told.Content, StringComparison.Ordinal);
        Assert.Same(AllowedMentions.None, told.Mentions);
    }

    [Fact]
    public async Task When_both_partners_are_forgotten_the_pairs_history_stays_valid()
    {
        await _world.RunAsync(_world.Button(Alice, $"me:forget:{Alice}"));
        await _world.RunAsync(_world.Button(Bob, $"me:forget:{Bob}"));

        var pair = (await _world.Get<PairRepository>().GetAsync(_pair.Id))!;
        Assert.Equal((FormerMember.InSlotA, FormerMember.InSlotB), (pair.MemberA, pair.MemberB));
        Assert.Empty(await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id));
        Assert.Contains("The takeaways of this session were removed", Everything(_world.TrailEdits[^1]), StringComparison.Ordinal);

        await _world.PairAsync(Alice, Bob);
        Assert.NotNull(await _world.Get<PairRepository>().FindCurrentAsync(Guild, Alice));
    }

    [Fact]
    public async Task A_stranger_cannot_press_the_forget_confirmation()
    {
        await _world.RunAsync(_world.Button(Carol, $"me:forget:{Alice}"));

        Assert.True(_world.LastCallback.Ephemeral);
        Assert.Equal(CrossCoaching.Localization.CommonTexts.NotForYou.En, _world.LastReply);
        Assert.Equal(2, (await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id)).Count);
        Assert.Equal(PairStatus.Active, (await _world.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }

    [Fact]
    public async Task Keeping_the_data_deletes_nothing()
    {
        await _world.RunAsync(_world.Button(Alice, $"me:keep:{Alice}"));

        Assert.Equal("Nothing was deleted.", _world.LastReply);
        Assert.Equal(2, (await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id)).Count);
    }

    [Fact]
    public async Task After_being_forgotten_an_export_holds_nothing()
    {
        await _world.RunAsync(_world.Button(Alice, $"me:forget:{Alice}"));

        await Me(Alice, "export");

        using var json = JsonDocument.Parse(FileText(_world.LastCallback.Message!, ".json"));
        Assert.Empty(json.RootElement.GetProperty("pairs").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("invitations").EnumerateArray());
        Assert.Contains("Nothing is stored about you", FileText(_world.LastCallback.Message!, ".md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_discord_cannot_reach_does_not_turn_a_done_forget_into_an_error()
    {
        _world.Api.On(nameof(IDiscordApi.CreateDmAsync), _ => throw new DiscordApiException(500, null, "Internal error", "POST /users/@me/channels"));

        int Answers() => _world.Api.Calls.Count(c => c.Method is nameof(IDiscordApi.CreateInteractionResponseAsync) or nameof(IDiscordApi.CreateFollowupAsync));
        var before = Answers();

        await _world.RunAsync(_world.Button(Alice, $"me:forget:{Alice}"));

        Assert.Equal(before + 1, Answers());
        Assert.Contains("Done.", _world.LastReply, StringComparison.Ordinal);
        Assert.DoesNotContain(await _world.Get<TakeawayRepository>().ListForPairAsync(_pair.Id), t => t.AuthorId == Alice);
    }
}
