using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Privacy;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Messaging;

/// <summary>The outbox's worker against a faked Discord: what it gives up, drops, and never sends.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Slot = Monday.AddHours(1); // 14:00 Paris
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
        await _h.DrainAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<IReadOnlyList<(string Kind, long? User, string State)>> RowsAsync()
    {
        await using var db = await _h.Get<SqliteConnectionFactory>().OpenAsync();
        return [.. await db.QueryAsync<(string, long?, string)>("SELECT kind, user_id, state FROM outbox ORDER BY id")];
    }

    private int PostsTo(Snowflake user) => _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(user)).Count;

    private void FailPosts(int status, int code) =>
        _h.Api.On(nameof(IDiscordApi.CreateMessageAsync), _ => throw FakeDiscordWorld.Refusal(status, code));

    private void AcceptPosts() =>
        _h.Api.On(nameof(IDiscordApi.CreateMessageAsync), a => new Message(new Snowflake(777), (Snowflake)a[0]!));

    [Fact]
    public async Task A_message_Discord_refuses_for_good_is_given_up_and_logged_without_its_text()
    {
        FailPosts(403, DiscordErrorCode.MissingAccess);
        await _h.Get<Outbox>().EnqueueAsync(Letter.Dm("test:refused", "test", Alice, MessageSpec.Text("secret words")));
        await _h.DrainAsync();
        _h.Time.Advance(TimeSpan.FromHours(2));
        await _h.DrainAsync();

        Assert.Equal(1, PostsTo(Alice));
        Assert.Equal(("test", (long?)(long)Alice.Value, "refused"), Assert.Single(await RowsAsync(), r => r.Kind == "test"));
        var line = Assert.Single(_h.Logs.Lines, l => l.Contains("Discord refused the test message", StringComparison.Ordinal));
        Assert.Contains("code 50001", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.Logs.Lines, l => l.Contains("secret words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_Discord_could_not_take_before_the_slot_is_dropped_not_sent_late()
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        FailPosts(503, 0);
        await _h.RunStepAtDueAsync(session, SessionStep.Remind);
        Assert.All((await RowsAsync()).Where(r => r.Kind == "remind"), r => Assert.Equal("pending", r.State));

        var tried = PostsTo(Alice);
        AcceptPosts();
        _h.Time.SetUtcNow(Slot.AddMinutes(1));
        await _h.DrainAsync();

        Assert.Equal(["dropped", "dropped"], (await RowsAsync()).Where(r => r.Kind == "remind").Select(r => r.State));
        Assert.Equal(tried, PostsTo(Alice));
    }

    [Fact]
    public async Task A_personal_notice_to_a_member_with_closed_DMs_is_never_posted_in_public()
    {
        _h.Api.On(nameof(IDiscordApi.CreateDmAsync), _ => throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.CannotSendMessagesToUser));

        await _h.Get<PairNotices>().TellBothAsync(_pair, (_, _) => "Your ritual changed");
        await _h.DrainAsync();

        Assert.Empty(_h.Api.MessagesIn(HomeChannel));
        Assert.Equal(["refused", "refused"], (await RowsAsync()).Where(r => r.Kind == "ritual-change").Select(r => r.State));
    }

    [Fact]
    public async Task After_forget_nothing_is_sent_to_or_mentions_the_placeholder_and_what_was_owed_to_the_member_is_dropped()
    {
        FailPosts(503, 0);
        await _h.Get<PairNotices>().TellBothAsync(_pair, (_, _) => "Your ritual changed");
        await _h.DrainAsync();

        var forgetting = _h.Get<Forgetting>();
        var outcome = await forgetting.ForgetAsync(Guild, Alice);
        await forgetting.TellDiscordAsync(outcome, Alice);
        AcceptPosts();
        await _h.Services.GetServices<CrossCoaching.Hosting.IReconcilable>().OfType<SessionReconciler>().Single().ReconcileAsync();
        _h.Time.Advance(TimeSpan.FromHours(1));
        await _h.DrainAsync();

        var rows = await RowsAsync();
        Assert.Equal("dropped", Assert.Single(rows, r => r.Kind == "ritual-change" && r.User == (long)Alice.Value).State);
        Assert.Equal("sent", Assert.Single(rows, r => r.Kind == "ritual-change" && r.User == (long)Bob.Value).State);
        Assert.DoesNotContain(rows, r => r.User is 0 or 1);
        Assert.DoesNotContain(_h.Api.DmsOpened, FormerMember.Is);
        Assert.DoesNotContain(_h.Api.Calls, c => c.Args.OfType<MessageSpec>().Any(m =>
            m.Mentions.Users.Any(FormerMember.Is) || (m.Content ?? "").Contains("<@0>", StringComparison.Ordinal) || (m.Content ?? "").Contains("<@1>", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_message_round_trips_through_the_outbox_payload_whole_files_included()
    {
        var spec = new MessageSpec("hi", AllowedMentions.Only(Bob),
            [ActionRow.Of(new Button(ButtonStyle.Primary, "Go", "x:go"))],
            [new Embed("t", "d", 3, [new EmbedField("n", "v", true)], "f", Monday)],
            [new FileAttachment("chart.png", "image/png", new byte[] { 137, 80, 78, 71 }, "a chart")]);

        var back = LetterJson.Read(LetterJson.Write(spec));

        Assert.Equal(spec.Content, back.Content);
        Assert.Equal(spec.Mentions.Users, back.Mentions.Users);
        Assert.Equal(spec.Components![0].Buttons, back.Components![0].Buttons);
        Assert.Equal(spec.Embeds![0] with { Fields = null }, back.Embeds![0] with { Fields = null });
        Assert.Equal(spec.Embeds![0].Fields, back.Embeds![0].Fields);
        var file = Assert.Single(back.Files!);
        Assert.Equal(("chart.png", "image/png", "a chart"), (file.FileName, file.ContentType, file.Description));
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, file.Content.ToArray());
    }

    [Fact]
    public async Task A_post_refused_in_a_server_channel_for_a_missing_permission_tells_the_managers_once_and_a_refused_DM_tells_no_one()
    {
        var room = new Snowflake(6001);
        var owner = new Snowflake(99);
        _h.Cache.AddChannel(Guild, new Channel(room, ChannelType.GuildVoice, Guild, null, "room", []));
        _h.Cache.Update(Guild, g => g with { OwnerId = owner });
        _h.Api.On(nameof(IDiscordApi.CreateMessageAsync), a => (Snowflake)a[0]! == room
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions)
            : new Message(new Snowflake(777), (Snowflake)a[0]!));
        _h.Api.On(nameof(IDiscordApi.CreateDmAsync), a => (Snowflake)a[0]! == Alice
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.CannotSendMessagesToUser)
            : new Channel(FakeDiscordWorld.DmChannelOf((Snowflake)a[0]!), ChannelType.Dm, null, null, null, []));

        await _h.Get<Outbox>().EnqueueAsync([
            Letter.InChannel("test:welcome", "welcome", room, MessageSpec.Text("Welcome")),
            Letter.InChannel("test:warning", "warning", room, MessageSpec.Text("Five minutes left")),
            Letter.Dm("test:dm", "test", Alice, MessageSpec.Text("Private")),
        ]);
        await _h.DrainAsync();
        await _h.DrainAsync();

        var told = Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(owner)));
        Assert.Contains($"<#{room}>", told.Content, StringComparison.Ordinal);
        Assert.Empty(_h.Api.MessagesIn(HomeChannel));
        Assert.DoesNotContain(await RowsAsync(), r => r.Kind == "managers-" + CrossCoaching.GuildSettings.PublicRefusals.Kind && r.User == (long)Alice.Value);
    }

    [Fact]
    public async Task Posts_refused_in_channels_the_cache_does_not_show_still_tell_the_managers_of_their_server()
    {
        // The room is known only from its session and the trail channel from the server's settings, as on the instance
        // that does not hold the server's shard.
        var room = new Snowflake(6002);
        var trail = new Snowflake(6003);
        var owner = new Snowflake(99);
        _h.Cache.Update(Guild, g => g with { OwnerId = owner });
        var slot = Slot.AddDays(70);
        var session = await _h.Get<SessionRepository>().CreateAsync(
            new Session(0, _pair.Id, _pair.GuildId, SessionKind.Ritual, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, slot.AddDays(-1), null),
            [(SessionStep.Open, slot)]);
        await _h.Get<SessionRepository>().SetRoomAsync(session.Id, room, null);
        var settings = _h.Get<CrossCoaching.GuildSettings.GuildSettingsRepository>();
        await settings.SaveAsync(await settings.GetAsync(Guild) with { TrailChannelId = trail });
        _h.Api.On(nameof(IDiscordApi.CreateMessageAsync), a => (Snowflake)a[0]! == room || (Snowflake)a[0]! == trail
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions)
            : new Message(new Snowflake(777), (Snowflake)a[0]!));

        await _h.Get<Outbox>().EnqueueAsync(Letter.InChannel("test:welcome", "welcome", room, MessageSpec.Text("Welcome")));
        await _h.DrainAsync();
        await _h.DrainAsync();
        _h.Time.Advance(TimeSpan.FromHours(2)); // past the hour in which a second notice of the kind would be one too many
        await _h.Get<Outbox>().EnqueueAsync(Letter.InChannel("test:trail", "trail", trail, MessageSpec.Text("A takeaway")));
        await _h.DrainAsync();
        await _h.DrainAsync();

        var told = _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(owner));
        Assert.Contains(told, m => m.Content!.Contains($"<#{room}>", StringComparison.Ordinal));
        Assert.Contains(told, m => m.Content!.Contains($"<#{trail}>", StringComparison.Ordinal));
    }
}
