using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.GuildSettings;

public sealed class SetupCommandTests : IAsyncLifetime
{
    private static readonly Snowflake Category = new(7000), Trail = new(7001);
    private FeatureHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static InteractionOption ChannelOption(string name, Snowflake id) => new(name, CommandOptionType.Channel, Id: id);

    private static InteractionResolved Resolved(params (Snowflake Id, ChannelType Type)[] channels) => new(
        new Dictionary<Snowflake, DiscordUser>(), new Dictionary<Snowflake, GuildMember>(),
        channels.ToDictionary(c => c.Id, c => new ResolvedChannel(c.Id, c.Type, "x", null, Permissions.None)));

    private Task SetupAsync(Permissions invoker, IReadOnlyList<InteractionOption> options, InteractionResolved? resolved = null, string locale = "en-US") =>
        RunAsync(_h.Api, Command(Guild, HomeChannel, User(Alice, "Alice"), "coaching", "setup", options, resolved, locale, invoker),
            c => _h.Get<SetupCommand>().HandleAsync(c));

    [Fact]
    public async Task Settings_are_saved_and_the_missing_permissions_are_listed_in_plain_words()
    {
        _h.Cache.AddGuild(Guild, Permissions.ViewChannel | Permissions.SendMessages,
            new Channel(Category, ChannelType.GuildCategory, Guild, null, "Rooms", []), new Channel(Trail, ChannelType.GuildText, Guild, null, "trail", []));

        await SetupAsync(Permissions.ManageGuild, [ChannelOption("category", Category), ChannelOption("trail", Trail), Text("timezone", "europe/paris"), Text("language", "fr")],
            Resolved((Category, ChannelType.GuildCategory), (Trail, ChannelType.GuildText)));

        var saved = await _h.Get<GuildSettingsRepository>().GetAsync(Guild);
        Assert.Equal((Category, Trail, "Europe/Paris", CrossCoaching.Localization.Lang.Fr), (saved.CategoryId!.Value, saved.TrailChannelId!.Value, saved.TimeZone, saved.Language!.Value));
        var reply = _h.Api.LastReplyText();
        Assert.Contains("Manage Channels", reply, StringComparison.Ordinal);
        Assert.Contains("Embed Links", reply, StringComparison.Ordinal);
        Assert.True(_h.Api.LastCallback().Ephemeral);
    }

    [Fact]
    public async Task A_category_whose_CHANNEL_CREATE_has_not_arrived_is_judged_at_guild_level_not_as_lacking_everything()
    {
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks); // the category is not in the cache yet

        await SetupAsync(Permissions.ManageGuild, [ChannelOption("category", Category)], Resolved((Category, ChannelType.GuildCategory)));

        var reply = _h.Api.LastReplyText();
        Assert.Contains(SetupTexts.AllGood.En, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot find", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_category_the_server_no_longer_shows_is_reported_as_probably_deleted()
    {
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        await _h.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, CategoryId: Category));

        await SetupAsync(Permissions.ManageGuild, []);

        Assert.Contains(SetupTexts.CategoryNotFound.Format(CrossCoaching.Localization.Lang.En, $"<#{Category}>"), _h.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_every_permission_it_says_so_and_without_a_trail_it_explains_where_public_takeaways_go()
    {
        _h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);

        await SetupAsync(Permissions.Administrator, []);

        var reply = _h.Api.LastReplyText();
        Assert.Contains(SetupTexts.AllGood.En, reply, StringComparison.Ordinal);
        Assert.Contains("partner only", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_without_manage_server_are_refused()
    {
        await SetupAsync(Permissions.SendMessages, [Text("language", "fr")], locale: "fr");

        Assert.Equal(SetupTexts.ManagersOnly.Fr, _h.Api.LastReplyText());
        Assert.Null((await _h.Get<GuildSettingsRepository>().GetAsync(Guild)).Language);
    }

    [Fact]
    public async Task An_unknown_zone_is_refused_and_nothing_is_saved()
    {
        await SetupAsync(Permissions.ManageGuild, [Text("timezone", "Moon/Base"), Text("language", "fr")]);

        Assert.Contains("Moon/Base", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Null((await _h.Get<GuildSettingsRepository>().GetAsync(Guild)).Language);
    }

    [Fact]
    public async Task Time_zones_autocomplete_with_the_best_25_matches()
    {
        using var context = new InteractionContext(
            Command(Guild, HomeChannel, User(Alice, "Alice"), "ritual", "set", [new InteractionOption("timezone", CommandOptionType.String, String: "paris", Focused: true)]),
            _h.Api, DateTimeOffset.MinValue);

        var choices = await _h.Get<RitualCommand>().AutocompleteAsync(context);

        Assert.Equal("Europe/Paris", choices[0].Value);
        Assert.InRange(choices.Count, 1, 25);
        Assert.Equal(25, (await _h.Get<RitualCommand>().AutocompleteAsync(new InteractionContext(
            Command(Guild, HomeChannel, User(Alice, "Alice"), "ritual", "set", [new InteractionOption("timezone", CommandOptionType.String, String: "", Focused: true)]),
            _h.Api, DateTimeOffset.MinValue))).Count);
    }
}
