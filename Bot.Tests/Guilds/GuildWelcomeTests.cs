using CrossCoaching.Discord;
using CrossCoaching.Guilds;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Guilds;

/// <summary>The one welcome when the bot joins a server: where it goes, and that it goes once.</summary>
public sealed class GuildWelcomeTests : IAsyncLifetime
{
    private static readonly Snowflake System = new(5100), Owner = new(40);
    private FeatureHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(Monday);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task DeliverAsync(DiscordEvent e)
    {
        await _h.Get<IEnumerable<IDiscordEventHandler>>().OfType<GuildEvents>().Single().HandleAsync(e);
        await _h.DrainAsync();
    }

    private void Guild(Permissions bot, Snowflake? systemChannel, params PermissionOverwrite[] overwrites)
    {
        _h.Cache.AddGuild(FeatureHarness.Guild, bot, new Channel(System, ChannelType.GuildText, FeatureHarness.Guild, null, "general", overwrites));
        _h.Cache.Update(FeatureHarness.Guild, g => g with { OwnerId = Owner, SystemChannelId = systemChannel });
    }

    private static bool Welcomes(MessageSpec m) =>
        m.Content!.Contains("coaching setup", StringComparison.Ordinal) || m.Content.Contains("coaching réglages", StringComparison.Ordinal);

    [Fact]
    public async Task Joining_a_server_posts_one_welcome_naming_coaching_setup_in_its_system_channel_and_a_second_GUILD_CREATE_posts_none()
    {
        Guild(Permissions.ViewChannel | Permissions.SendMessages, System);

        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, [], Joined: true));
        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, [], Joined: true));

        var welcome = Assert.Single(_h.Api.MessagesIn(System));
        Assert.True(Welcomes(welcome));
        Assert.Contains("Test guild", welcome.Content, StringComparison.Ordinal);
        Assert.Equal(AllowedMentions.None, welcome.Mentions);
        Assert.Empty(_h.Api.DmsOpened);
        await using var db = await _h.Connections.OpenAsync();
        Assert.Equal(1, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM guild_welcomes"));
    }

    [Fact]
    public async Task A_server_the_bot_was_already_in_is_not_welcomed_on_its_GUILD_CREATE_after_READY_or_an_outage()
    {
        Guild(Permissions.ViewChannel | Permissions.SendMessages, System);

        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, []));

        Assert.Empty(_h.Api.MessagesIn(System));
        Assert.Empty(_h.Api.DmsOpened);
    }

    [Fact]
    public async Task Without_a_system_channel_the_owner_gets_the_welcome_by_direct_message_in_the_servers_language()
    {
        Guild(Permissions.ViewChannel | Permissions.SendMessages, null);
        _h.Cache.Update(FeatureHarness.Guild, g => g with { PreferredLocale = "fr" });

        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, [], Joined: true));

        var dm = Assert.Single(_h.DmsTo(Owner));
        Assert.True(Welcomes(dm));
        Assert.StartsWith("Bonjour", dm.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_channel_the_bot_cannot_post_in_sends_the_welcome_to_the_owner_instead()
    {
        Guild(Permissions.ViewChannel | Permissions.SendMessages, System,
            new PermissionOverwrite(FakeGuildCache.BotRole, OverwriteType.Role, Permissions.None, Permissions.SendMessages));

        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, [], Joined: true));

        Assert.Empty(_h.Api.MessagesIn(System));
        Assert.True(Welcomes(Assert.Single(_h.DmsTo(Owner))));
    }

    [Fact]
    public async Task A_server_that_removed_the_bot_and_added_it_back_is_not_welcomed_again()
    {
        Guild(Permissions.ViewChannel | Permissions.SendMessages, System);
        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, [], Joined: true));

        await DeliverAsync(new GuildRemoved(FeatureHarness.Guild, Unavailable: false));
        await DeliverAsync(new GuildAvailable(FeatureHarness.Guild, [], Joined: true));

        Assert.Single(_h.Api.MessagesIn(System));
    }
}
