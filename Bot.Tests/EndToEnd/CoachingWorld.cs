using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// A guild with an owner, two future partners and a stranger, a text channel and a category for rooms, and the bot
/// running against it on a clock the test moves. Monday 2 November 2026, 12:00 UTC (13:00 in Paris) to begin with.
/// </summary>
public sealed class CoachingWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private CoachingWorld(BotHarness bot, EmulatedUser owner, EmulatedUser alice, EmulatedUser bob, EmulatedUser carol,
        EmulatedGuild guild, EmulatedChannel general, EmulatedChannel rooms) =>
        (Bot, Owner, Alice, Bob, Carol, Guild, General, Rooms) = (bot, owner, alice, bob, carol, guild, general, rooms);

    public BotHarness Bot { get; }

    public DiscordEmulator Discord => Bot.Discord;

    public FakeTimeProvider Time => Bot.Time!;

    public EmulatedUser Owner { get; }

    public EmulatedUser Alice { get; }

    public EmulatedUser Bob { get; }

    public EmulatedUser Carol { get; }

    public EmulatedGuild Guild { get; }

    public EmulatedChannel General { get; }

    public EmulatedChannel Rooms { get; }

    /// <summary>
    /// For a test that moves the clock by days: the periodic repair pass hourly. A fake clock moved by a week fires a
    /// periodic timer once per elapsed period, and every 2-minute pass of such a move would run (thousands of them,
    /// tens of seconds) before the bot gets to what the test waits for.
    /// </summary>
    public static Dictionary<string, string?> LongMoves() => new() { ["Sessions:ReconcileMinutes"] = "60" };

    public static async Task<CoachingWorld> StartAsync(Dictionary<string, string?>? settings = null, EmulatorOptions? options = null)
    {
        var discord = await DiscordEmulator.StartAsync(options ?? new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(1), IdentifyInterval = TimeSpan.Zero });
        var owner = discord.AddUser("owner", globalName: "Owner");
        var (alice, bob, carol) = (discord.AddUser("alice", globalName: "Alice"), discord.AddUser("bob", globalName: "Bob"), discord.AddUser("carol", globalName: "Carol"));
        var guild = discord.AddGuild("Coaching", owner);
        foreach (var member in new[] { alice, bob, carol })
            discord.AddMember(guild, member);
        var general = discord.AddTextChannel(guild, "general");
        var rooms = discord.AddCategory(guild, "Rooms");
        var bot = await BotHarness.StartAsync(discord, new FakeTimeProvider(Monday), settings);
        await discord.WaitUntilAsync(d => d.CommandsOf(null).Count > 0, what: "the slash commands");
        return new CoachingWorld(bot, owner, alice, bob, carol, guild, general, rooms);
    }

    public Task<InteractionHandle> CommandAsync(EmulatedUser user, string command, string? subcommand = null, params CommandArg[] options) =>
        Discord.SendCommandAsync(new CommandCall(Guild.Id, General.Id, user.Id, command) { Subcommand = subcommand, Options = options });

    /// <summary>Runs a command and returns the text the user saw (the reply, or the deferred reply's edit).</summary>
    public async Task<string> ReplyToAsync(EmulatedUser user, string command, string? subcommand = null, params CommandArg[] options)
    {
        var handle = await CommandAsync(user, command, subcommand, options);
        var callback = await handle.WaitForCallbackAsync();
        if (callback.Type != 5)
            return callback.Content ?? "";
        await handle.WaitForOriginalEditAsync();
        return handle.Original!.Content;
    }

    /// <summary>Alice invites Bob with /pair and Bob presses Accept.</summary>
    public async Task PairAliceAndBobAsync()
    {
        var invitation = await CommandAsync(Alice, "pair", null, CommandArg.User("partner", Bob.Id));
        await invitation.WaitForOriginalEditAsync();
        var accept = invitation.Original!.CustomIds.Single(id => id.StartsWith("pair:accept:", StringComparison.Ordinal));
        var press = await Discord.PressButtonAsync(invitation.Original, accept, Bob.Id);
        await press.WaitForCallbackAsync();
    }

    public Task SetupRoomsCategoryAsync() =>
        ReplyToAsync(Owner, "coaching", "setup", CommandArg.Channel("category", Rooms.Id));

    /// <summary>Moves the features' clock to <paramref name="at"/> (Quartz fires what is due) and waits for the effect.</summary>
    public async Task AdvanceToAsync(DateTimeOffset at, Func<DiscordEmulator, bool> until, string what)
    {
        Time.SetUtcNow(at);
        await Discord.WaitUntilAsync(until, TimeSpan.FromSeconds(30), what);
    }

    /// <summary>
    /// Members join a voice room and the test waits until the bot's cache shows them there: the voice states come by the
    /// gateway, so a clock moved at once could run a step (the warning goes only to a room someone is in) before them.
    /// </summary>
    public async Task JoinRoomAsync(Snowflake room, params EmulatedUser[] members)
    {
        foreach (var member in members)
            Discord.JoinVoice(Guild.Id, member.Id, room);
        var cache = Bot.Get<IGuildCache>();
        await Discord.WaitUntilAsync(_ => members.All(m => cache.UsersInVoiceChannel(Guild.Id, room).Contains(m.Id)),
            TimeSpan.FromSeconds(30), "the bot to see the members in the room");
    }

    public IReadOnlyList<EmulatedChannel> VoiceRooms() =>
        [.. Discord.ChannelsCreatedByBot.Where(c => c.Type == EmulatedChannelType.GuildVoice)];

    public async ValueTask DisposeAsync() => await Bot.DisposeAsync();
}
