using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Tests.Fakes;

/// <summary>Builds interactions as the parser would produce them, for driving handlers directly.</summary>
public static class TestInteractions
{
    private static long _ids = 1_000;

    public static DiscordUser User(Snowflake id, string name, bool bot = false) => new(id, name.ToLowerInvariant(), name, bot);

    public static Interaction Command(Snowflake guild, Snowflake channel, DiscordUser user, string command, string? subcommand = null,
        IReadOnlyList<InteractionOption>? options = null, InteractionResolved? resolved = null, string locale = "en-US",
        Permissions permissions = Permissions.ViewChannel | Permissions.SendMessages) =>
        new(new Snowflake((ulong)Interlocked.Increment(ref _ids)), new Snowflake(999), InteractionType.ApplicationCommand, $"token-{_ids}",
            guild, channel, user, new GuildMember(user, null, []), permissions, Permissions.All, locale, "en-US",
            CommandName: command, Subcommand: subcommand, Options: options ?? [], Resolved: resolved);

    public static Interaction Button(Snowflake guild, Snowflake channel, DiscordUser user, string customId, string locale = "en-US") =>
        new(new Snowflake((ulong)Interlocked.Increment(ref _ids)), new Snowflake(999), InteractionType.MessageComponent, $"token-{_ids}",
            guild, channel, user, new GuildMember(user, null, []), Permissions.None, Permissions.All, locale, "en-US",
            CustomId: customId, MessageId: new Snowflake(4242));

    /// <summary>A press on a button of a direct message: no guild, no member, the DM channel of the user.</summary>
    public static Interaction DmButton(DiscordUser user, string customId, string locale = "en-US") =>
        new(new Snowflake((ulong)Interlocked.Increment(ref _ids)), new Snowflake(999), InteractionType.MessageComponent, $"token-{_ids}",
            null, FakeDiscordWorld.DmChannelOf(user.Id), user, null, Permissions.None, Permissions.None, locale, null,
            CustomId: customId, MessageId: new Snowflake(4243));

    /// <summary>A user option with Discord's resolved user and member, as a guild member would be picked.</summary>
    public static (InteractionOption Option, InteractionResolved Resolved) UserOption(string name, DiscordUser user, bool member = true) =>
        (new InteractionOption(name, CommandOptionType.User, Id: user.Id),
         new InteractionResolved(
             new Dictionary<Snowflake, DiscordUser> { [user.Id] = user },
             member ? new Dictionary<Snowflake, GuildMember> { [user.Id] = new(user, null, []) } : new Dictionary<Snowflake, GuildMember>(),
             new Dictionary<Snowflake, ResolvedChannel>()));

    public static InteractionOption Text(string name, string value) => new(name, CommandOptionType.String, String: value);

    public static InteractionOption Number(string name, long value) => new(name, CommandOptionType.Integer, Integer: value);

    /// <summary>Runs a handler the way the router does, and returns what Discord was sent.</summary>
    public static async Task<FakeDiscordApi> RunAsync(FakeDiscordApi api, Interaction interaction, Func<InteractionContext, Task> handle)
    {
        using var context = new InteractionContext(interaction, api, DateTimeOffset.MinValue);
        try
        {
            await handle(context);
        }
        catch (UserErrorException refusal)
        {
            await context.ReplyAsync(refusal.Message, ephemeral: true);
        }

        return api;
    }

    public static InteractionCallback LastCallback(this FakeDiscordApi api) => api.Callbacks.Last();

}
