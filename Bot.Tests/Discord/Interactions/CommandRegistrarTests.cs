using System.Security.Cryptography;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Discord.Rest.Support;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Discord.Interactions;

/// <summary>Each start registers the commands only when what Discord holds for this application and scope would change.</summary>
public sealed class CommandRegistrarTests : IAsyncLifetime
{
    private static readonly Snowflake App = new(100), OtherApp = new(101), DevGuild = new(200), OtherDevGuild = new(201);
    private static readonly CommandDefinition Help = new("help", "How to use the bot", []);
    private readonly FakeDiscordApi _api = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.MigratedAsync();
        _api.On(nameof(IDiscordApi.BulkOverwriteCommandsAsync), _ => null);
        _api.On(nameof(IDiscordApi.GetCommandsAsync), _ => null);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A registrar as one start of the bot builds it, on the database all starts share.</summary>
    private readonly CommandMentions _mentions = new();

    private CommandRegistrar Registrar(IDiscordApi? api = null, string? devGuild = null, params CommandDefinition[] definitions) =>
        Registrar(api, devGuild, instance: null, definitions);

    private CommandRegistrar Registrar(IDiscordApi? api, string? devGuild, CrossCoaching.Storage.InstanceIdentity? instance, params CommandDefinition[] definitions)
    {
        api ??= _api;
        var commands = (definitions.Length > 0 ? definitions : [Help]).Select(d => new TestCommand(d.Name, (_, _) => Task.CompletedTask) { Definition = d });
        var router = new InteractionRouter(commands, [], api, TimeProvider.System, NullLogger<InteractionRouter>.Instance);
        var options = Options.Create(new DiscordOptions { Token = "t", DevGuildId = devGuild });
        return new CommandRegistrar(router, api, new CommandRegistrationStore(_db.Connections, TimeProvider.System), options, NullLogger<CommandRegistrar>.Instance, _mentions, instance);
    }

    private IReadOnlyList<(Snowflake App, Snowflake? Guild, IReadOnlyList<CommandDefinition> Commands)> Overwrites => _api.CommandOverwrites;

    [Fact]
    public async Task Unchanged_commands_are_not_sent_again_at_the_next_start()
    {
        Assert.True(await Registrar().RegisterAsync(App));
        Assert.False(await Registrar().RegisterAsync(App));

        Assert.Single(Overwrites);
    }

    [Fact]
    public async Task Two_instances_starting_together_register_the_commands_once()
    {
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        _api.On(nameof(IDiscordApi.BulkOverwriteCommandsAsync), _ =>
        {
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return null;
        });
        var first = Task.Run(() => Registrar(null, null, new CrossCoaching.Storage.InstanceIdentity("a")).RegisterAsync(App));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));

        // The second instance finds the commands not registered yet (the first has not saved its hash), as at a start
        // of both together.
        var second = await Registrar(null, null, new CrossCoaching.Storage.InstanceIdentity("b")).RegisterAsync(App);
        release.Set();

        Assert.False(second);
        Assert.True(await first);
        Assert.Single(Overwrites);
    }

    [Fact]
    public async Task The_ids_discord_answers_a_registration_with_make_command_mentions()
    {
        _api.On(nameof(IDiscordApi.BulkOverwriteCommandsAsync), _ => new[] { new RegisteredCommand(new Snowflake(777), "help") });

        await Registrar().RegisterAsync(App);

        Assert.Equal("</help:777>", _mentions.Mention("help", CrossCoaching.Localization.Lang.Fr));
    }

    [Fact]
    public async Task When_the_commands_are_current_their_ids_are_read_from_discord_without_registering()
    {
        await Registrar().RegisterAsync(App);
        _api.On(nameof(IDiscordApi.GetCommandsAsync), _ => new[] { new RegisteredCommand(new Snowflake(888), "help") });

        Assert.False(await Registrar().RegisterAsync(App));

        Assert.Single(Overwrites);
        Assert.Equal("</help:888>", _mentions.Mention("help", CrossCoaching.Localization.Lang.En));
    }

    [Fact]
    public async Task A_changed_definition_is_registered_again()
    {
        await Registrar().RegisterAsync(App);

        var changed = Help with { DescriptionLocalizations = Localizations.French("Comment utiliser le bot") };
        Assert.True(await Registrar(definitions: changed).RegisterAsync(App));

        Assert.Equal(2, Overwrites.Count);
        Assert.Equal(changed, Assert.Single(Overwrites[1].Commands));
    }

    [Fact]
    public async Task Another_application_gets_the_same_commands_registered_and_the_first_stays_current()
    {
        await Registrar().RegisterAsync(App);

        Assert.True(await Registrar().RegisterAsync(OtherApp));
        Assert.False(await Registrar().RegisterAsync(App));

        Assert.Equal([App, OtherApp], Overwrites.Select(o => o.App));
    }

    [Fact]
    public async Task With_a_dev_guild_the_commands_go_to_that_guild_and_going_global_registers_again()
    {
        Assert.True(await Registrar(devGuild: DevGuild.ToString()).RegisterAsync(App));
        Assert.True(await Registrar().RegisterAsync(App));

        Assert.Equal([(App, DevGuild), (App, DevGuild), (App, null)], Overwrites.Select(o => (o.App, o.Guild)));
    }

    [Fact]
    public async Task Unsetting_the_dev_guild_empties_that_guild_once_even_when_the_global_set_is_current()
    {
        await Registrar().RegisterAsync(App);
        await Registrar(devGuild: DevGuild.ToString()).RegisterAsync(App);

        Assert.False(await Registrar().RegisterAsync(App));
        Assert.False(await Registrar().RegisterAsync(App));

        Assert.Equal([(App, null, 1), (App, DevGuild, 1), (App, DevGuild, 0)], Overwrites.Select(o => (o.App, o.Guild, o.Commands.Count)));
    }

    [Fact]
    public async Task Changing_the_dev_guild_empties_the_former_one_and_leaves_other_applications_alone()
    {
        await Registrar(devGuild: DevGuild.ToString()).RegisterAsync(OtherApp);
        await Registrar(devGuild: DevGuild.ToString()).RegisterAsync(App);

        await Registrar(devGuild: OtherDevGuild.ToString()).RegisterAsync(App);

        Assert.Equal([(OtherApp, DevGuild, 1), (App, DevGuild, 1), (App, DevGuild, 0), (App, OtherDevGuild, 1)],
            Overwrites.Select(o => (o.App, o.Guild, o.Commands.Count)));
    }

    [Fact]
    public async Task A_refused_clearing_is_tried_again_at_the_next_start_and_an_unreachable_guild_is_forgotten()
    {
        await Registrar(devGuild: DevGuild.ToString()).RegisterAsync(App);
        _api.OnBulkOverwriteCommands((_, guild, _) =>
        {
            if (guild == DevGuild)
                throw new DiscordApiException(500, null, "Internal Server Error", "PUT /applications/{app}/guilds/{guild}/commands");
        });
        await Registrar().RegisterAsync(App);

        _api.OnBulkOverwriteCommands((_, guild, _) =>
        {
            if (guild == DevGuild)
                throw new DiscordApiException(404, 10004, "Unknown Guild", "PUT /applications/{app}/guilds/{guild}/commands");
        });
        await Registrar().RegisterAsync(App);
        await Registrar().RegisterAsync(App);

        Assert.Equal([DevGuild, DevGuild, null, DevGuild], Overwrites.Select(o => o.Guild));
        Assert.Empty(await new CommandRegistrationStore(_db.Connections, TimeProvider.System).ListScopesAsync($"{App}/guild/"));
    }

    [Fact]
    public async Task A_refused_registration_is_tried_again_at_the_next_start()
    {
        _api.On(nameof(IDiscordApi.BulkOverwriteCommandsAsync),
            _ => throw new DiscordApiException(400, 50035, "Invalid Form Body", "PUT /applications/{app}/commands"));
        Assert.False(await Registrar().RegisterAsync(App));

        _api.On(nameof(IDiscordApi.BulkOverwriteCommandsAsync), _ => null);
        Assert.True(await Registrar().RegisterAsync(App));
    }

    [Fact]
    public async Task The_remembered_hash_is_of_the_exact_body_sent_to_discord()
    {
        using var rest = new RestHarness();
        rest.Discord.On("PUT", "applications/100/guilds/200/commands", _ => Reply.Json("[]"));

        await Registrar(rest.Client, DevGuild.ToString()).RegisterAsync(App);

        var sent = rest.Discord.Last();
        var stored = await new CommandRegistrationStore(_db.Connections, TimeProvider.System).GetHashAsync(CommandRegistrar.Scope(App, DevGuild));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(sent.Body)), stored);
    }
}
