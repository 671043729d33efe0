using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pool;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;
using static CrossCoaching.Tests.Pool.PoolWorld;

namespace CrossCoaching.Tests.Pool;

/// <summary><c>/pair</c> without a partner: entering, seeing, changing and leaving the pool, and what it refuses.</summary>
public sealed class PoolEntryFlowTests : IAsyncLifetime
{
    private PoolWorld _w = null!;

    public async Task InitializeAsync() => _w = await PoolWorld.StartAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Pair_with_windows_enters_the_pool_and_answers_only_the_member()
    {
        await _w.JoinAsync(AliceUser, windows: "mon 18:00-20:00, thu 7:30-8:30", languages: "fr");

        var entry = await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice);
        Assert.NotNull(entry);
        Assert.Equal("Europe/Paris", entry.TimeZone);
        Assert.Equal(PoolLanguages.French, entry.Languages);
        Assert.Equal(2, entry.Windows.Count);
        Assert.Equal(Monday.AddDays(30), entry.ExpiresAt);
        Assert.Equal(HomeChannel, entry.ChannelId);
        Assert.True(Assert.Single(_w.Api.Callbacks).Ephemeral);
        Assert.Contains(PoolEntryTexts.Joined.En, _w.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pair_alone_shows_the_entry_with_change_and_leave_and_leave_takes_the_member_out()
    {
        await _w.JoinAsync(AliceUser);
        await _w.PairAsync(AliceUser);

        var view = _w.Api.OriginalEdits[^1];
        Assert.Contains("Monday 18:00–20:00", view.Content, StringComparison.Ordinal);
        Assert.Equal([PoolEntryTexts.ChangeButton.En, PoolEntryTexts.LeaveButton.En], view.Components![0].Buttons.Select(b => b.Label));

        await _w.PressAsync(AliceUser, view.Components[0].Buttons[1].CustomId!);

        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Equal(PoolEntryTexts.Left.En, _w.Api.LastReplyText());
    }

    [Fact]
    public async Task Change_opens_the_form_filled_with_the_entry_and_its_submission_changes_it()
    {
        await _w.JoinAsync(AliceUser, languages: "en");
        await _w.PressAsync(AliceUser, ComponentId.Create(PoolButtons.Prefix, "change"));

        var modal = _w.Api.Callbacks.Last().Modal!;
        Assert.Equal("Monday 18:00–20:00", modal.Inputs[0].Value);
        Assert.Equal("Europe/Paris", modal.Inputs[1].Value);

        var submit = Button(Guild, HomeChannel, AliceUser, modal.CustomId) with
        {
            Type = CrossCoaching.Discord.Interactions.InteractionType.ModalSubmit,
            ModalFields = new Dictionary<string, string> { ["windows"] = "tue 12:00-13:00", ["timezone"] = "America/Montreal", ["languages"] = "both" },
        };
        await RunAsync(_w.Api, submit, c => _w.H.Get<PoolButtons>().HandleAsync(c, CrossCoaching.Discord.Interactions.ComponentId.Parse(modal.CustomId)));

        var entry = await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice);
        Assert.Equal("America/Montreal", entry!.TimeZone);
        Assert.Equal(PoolLanguages.Both, entry.Languages);
        Assert.Equal([new PoolWindow(DayOfWeek.Tuesday, new TimeOnly(12, 0), new TimeOnly(13, 0))], entry.Windows);
    }

    [Theory]
    [InlineData("", "Europe/Paris", "en-US", "Say when you could talk")]
    [InlineData("mon 18:00-18:10", "Europe/Paris", "en-US", "shorter than a session here (15 minutes)")]
    [InlineData("mon 18:00-20:00", "Mars/Olympus", "en-US", "I don't know the time zone")]
    [InlineData("", "Europe/Paris", "fr", "Indiquez quand vous pourriez parler")]
    [InlineData("mon 18:00-18:10", "Europe/Paris", "fr", "plus court qu'une séance ici (15 minutes)")]
    [InlineData("mon 18:00-20:00", "Mars/Olympus", "fr", "Je ne connais pas le fuseau horaire")]
    public async Task Bad_input_gets_a_short_ephemeral_reply_in_the_members_language(string windows, string zone, string locale, string expected)
    {
        var options = new List<CrossCoaching.Discord.Interactions.InteractionOption> { Text("timezone", zone) };
        if (windows.Length > 0)
            options.Add(Text("windows", windows));

        await _w.PairAsync(AliceUser, locale, null, [.. options]);

        Assert.True(Assert.Single(_w.Api.Callbacks).Ephemeral);
        Assert.Contains(expected, _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
    }

    [Fact]
    public async Task A_member_who_is_already_paired_is_refused()
    {
        await _w.H.PairAsync();

        await _w.JoinAsync(AliceUser);

        Assert.Contains("You already have a partner here (**Bob**)", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
    }

    [Fact]
    public async Task A_closed_pool_and_a_pool_restricted_to_a_role_refuse_members_outside_it()
    {
        var settings = _w.H.Get<GuildSettingsRepository>();
        var role = new Snowflake(777);
        await settings.SaveAsync(new GuildConfig(Guild, PoolRoleId: role));

        await _w.JoinAsync(AliceUser);
        Assert.Contains("for members with the <@&777> role", _w.Api.LastReplyText(), StringComparison.Ordinal);
        await _w.PairAsync(BobUser, roles: [role], options: [Text("windows", "mon 18:00-20:00"), Text("timezone", "Europe/Paris")]);
        Assert.NotNull(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));

        await settings.SaveAsync(new GuildConfig(Guild, PoolOpen: false));
        await _w.JoinAsync(AliceUser);
        Assert.Equal(PoolEntryTexts.Closed.En, _w.Api.LastReplyText());
        Assert.Null(await _w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
    }

    [Fact]
    public async Task The_trail_button_opens_the_form_for_a_member_not_in_the_pool_and_refuses_a_paired_one_politely()
    {
        await _w.PressAsync(CarolUser, PoolButtons.OpenId);
        Assert.NotNull(_w.Api.Callbacks.Last().Modal);

        await _w.H.PairAsync();
        await _w.PressAsync(AliceUser, PoolButtons.OpenId, locale: "fr");
        Assert.Contains("Vous avez déjà un binôme ici (**Bob**)", _w.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.True(_w.Api.Callbacks.Last().Ephemeral);
    }

    [Fact]
    public async Task Coaching_setup_sets_the_pools_cadence_role_and_whether_it_is_open()
    {
        var role = new Snowflake(777);
        await RunAsync(_w.Api, Command(Guild, HomeChannel, AliceUser, "coaching", "setup",
            [Text("pool_every", "168"), new InteractionOption("pool_role", CommandOptionType.Role, Id: role), new InteractionOption("pool_open", CommandOptionType.Boolean, Boolean: false)],
            permissions: CrossCoaching.Discord.Permissions.ManageGuild), c => _w.H.Get<SetupCommand>().HandleAsync(c));

        var saved = await _w.H.Get<GuildSettingsRepository>().GetAsync(Guild);
        Assert.Equal((168, role, false), (saved.PoolCadenceHours, saved.PoolRoleId!.Value, saved.PoolOpen));
        Assert.Contains("Matching pool: closed (would match every 168 h, open to <@&777>)", _w.Api.LastReplyText(), StringComparison.Ordinal);
        var other = await _w.H.Get<GuildSettingsRepository>().GetAsync(new Snowflake(1));
        Assert.Equal((24, true), (other.PoolCadenceHours, other.PoolOpen));
    }

    [Fact]
    public async Task Managers_stats_show_the_pool_once_it_is_used()
    {
        Task<FakeDiscordApi> StatsAsync() => RunAsync(_w.Api, Command(Guild, HomeChannel, CarolUser, "stats", permissions: CrossCoaching.Discord.Permissions.ManageGuild),
            c => _w.H.Get<CrossCoaching.Progress.StatsCommand>().HandleAsync(c));

        await StatsAsync();
        Assert.DoesNotContain("Matching pool", _w.Api.LastReplyText(), StringComparison.Ordinal);

        await _w.JoinAsync(AliceUser);
        await StatsAsync();
        Assert.Contains("**Matching pool**: 1 waiting · 0 matches proposed", _w.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "Find a partner too")]
    [InlineData("fr", "Trouver un binôme moi aussi")]
    public void Every_public_trail_post_carries_the_find_a_partner_too_button(string locale, string label)
    {
        var pair = new CrossCoaching.Pairs.Pair(1, Guild, Alice, Bob, "Alice", "Bob", CrossCoaching.Pairs.PairStatus.Active, 1, Monday, Monday, HomeChannel);
        var session = new CrossCoaching.Sessions.Session(1, 1, Guild, CrossCoaching.Sessions.SessionKind.Ritual, Monday, 15, 5,
            CrossCoaching.Sessions.SessionStatus.Closed, null, false, null, null, null, Monday, null);

        var post = CrossCoaching.Takeaways.TrailMessage.Render(session, pair, 1, [], CrossCoaching.Localization.LangExtensions.FromLocale(locale));

        var button = Assert.Single(Assert.Single(post.Components!).Buttons);
        Assert.Equal((label, PoolButtons.OpenId), (button.Label, button.CustomId));
    }
}
