using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Takeaways;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Tests.Fakes;

/// <summary>Members, interactions and "what Discord saw" for tests that drive the bot as its users would.</summary>
public sealed partial class FeatureHarness
{
    public static readonly Snowflake TrailChannel = new(5002), Carol = new(13), Dave = new(14);

    private long _nextInteractionId = 80_000;

    /// <summary>
    /// A harness for the takeaway, trail and privacy flows: <see cref="Monday"/>, a guild the cache does not know (so the
    /// bot posts without checking permissions first) and, unless <paramref name="trail"/> is false, a public trail channel.
    /// </summary>
    public static async Task<FeatureHarness> StartWithTrailAsync(bool trail = true, int? maxLength = null)
    {
        var settings = new Dictionary<string, string?>();
        if (maxLength is { } max)
            settings["Takeaways:MaxLength"] = max.ToString(CultureInfo.InvariantCulture);
        var harness = await StartAsync(Monday, settings);
        if (trail)
            await harness.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, TrailChannelId: TrailChannel));
        return harness;
    }

    public static string NameOf(Snowflake user) =>
        user == Alice ? "Alice" : user == Bob ? "Bob" : user == Carol ? "Carol" : user == Dave ? "Dave" : "Member";

    /// <summary>The DM channel the fake opens with a user.</summary>
    public static Snowflake DmOf(Snowflake user) => FakeDiscordWorld.DmChannelOf(user);

    public SqliteConnectionFactory Connections => Get<SqliteConnectionFactory>();

    /// <summary>Two members paired from an invitation in <see cref="HomeChannel"/>, under their names.</summary>
    public async Task<Pair> PairAsync(Snowflake a, Snowflake b)
    {
        var now = Time.GetUtcNow();
        var invitation = await Get<InvitationRepository>().CreateAsync(Guild, HomeChannel, a, NameOf(a), b, now, now.AddDays(2));
        return (await Get<PairRepository>().CreateFromInvitationAsync(invitation!, NameOf(a), NameOf(b), now)).Pair!;
    }

    /// <summary>A session of the pair at <paramref name="slot"/>; a past one is closed as held 20 minutes after its slot.</summary>
    public async Task<Session> SessionAsync(Pair pair, DateTimeOffset slot, SessionStatus status = SessionStatus.Closed)
    {
        var sessions = Get<SessionRepository>();
        var session = await sessions.CreateAsync(
            new Session(0, pair.Id, pair.GuildId, SessionKind.Ritual, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, slot.AddDays(-1), null),
            [(SessionStep.Open, slot), (SessionStep.Close, slot.AddMinutes(20))]);
        if (status != SessionStatus.Scheduled)
            await sessions.SetStatusAsync(session.Id, status, status == SessionStatus.Closed ? SessionOutcome.Held : null,
                closedAt: status == SessionStatus.Open ? null : slot.AddMinutes(20));
        return (await sessions.GetAsync(session.Id))!;
    }

    /// <summary>Handles the interaction with the bot's own router, then waits until the messages it owes have left.</summary>
    public async Task RunAsync(Interaction interaction)
    {
        // The router times its 3-second answer window on the real clock, not on the test's clock.
        var receivedAt = Services.GetRequiredKeyedService<TimeProvider>(DiscordSetup.ClockKey).GetUtcNow();
        await Get<InteractionRouter>().RouteAsync(interaction, receivedAt);
        await DrainAsync();
    }

    /// <summary>Runs the reconciling pass of one service (<typeparamref name="T"/>), then drains the outbox.</summary>
    public async Task ReconcileAsync<T>() where T : IReconcilable
    {
        await Services.GetServices<IReconcilable>().OfType<T>().Single().ReconcileAsync();
        await DrainAsync();
    }

    public Interaction Command(Snowflake user, string name, string? subcommand = null, bool inGuild = true, string locale = "en-US",
        params InteractionOption[] options) =>
        Base(user, InteractionType.ApplicationCommand, inGuild, locale) with { CommandName = name, Subcommand = subcommand, Options = options };

    public Interaction Takeaway(Snowflake user, string? text = null, string? visibility = null, string locale = "en-US")
    {
        var options = new List<InteractionOption>();
        if (text is not null)
            options.Add(new InteractionOption("text", CommandOptionType.String, String: text));
        if (visibility is not null)
            options.Add(new InteractionOption("visibility", CommandOptionType.String, String: visibility));
        return Command(user, "takeaway", locale: locale, options: [.. options]);
    }

    public Interaction Button(Snowflake user, string customId, bool inGuild = true) =>
        Base(user, InteractionType.MessageComponent, inGuild) with { CustomId = customId };

    public Interaction Modal(Snowflake user, string customId, string text, bool inGuild = false) =>
        Base(user, InteractionType.ModalSubmit, inGuild) with { CustomId = customId, ModalFields = new Dictionary<string, string> { [TakeawayModal.TextField] = text } };

    private Interaction Base(Snowflake user, InteractionType type, bool inGuild, string locale = "en-US")
    {
        var discordUser = new DiscordUser(user, NameOf(user).ToLowerInvariant(), NameOf(user), false);
        var id = new Snowflake((ulong)Interlocked.Increment(ref _nextInteractionId));
        return new Interaction(id, new Snowflake(2), type, $"token-{id}", inGuild ? Guild : null, inGuild ? HomeChannel : DmOf(user), discordUser,
            inGuild ? new GuildMember(discordUser, null, []) : null, Permissions.None, Permissions.None, locale, "en-US");
    }

    /// <summary>
    /// The last answer to an interaction: its callback, or the edit that filled it. The router defers a handler still
    /// busy after 2 s of real time, which a loaded machine makes of any handler: the answer is then the edit.
    /// </summary>
    public InteractionCallback LastCallback
    {
        get
        {
            var calls = Api.Calls.ToArray();
            var at = Array.FindLastIndex(calls, c => c.Method == nameof(FakeDiscordApi.CreateInteractionResponseAsync));
            var callback = (InteractionCallback)calls[at].Args[2]!;
            var edit = Array.FindLastIndex(calls, c => c.Method == nameof(FakeDiscordApi.EditOriginalResponseAsync));
            return callback.Message is null && edit > at ? callback with { Message = (MessageSpec)calls[edit].Args[2]! } : callback;
        }
    }

    public string LastReply => LastCallback.Message?.Content ?? "";

    public IReadOnlyList<MessageSpec> TrailPosts => Api.MessagesIn(TrailChannel);

    public IReadOnlyList<MessageSpec> TrailEdits => [.. Api.MessagesEdited.Select(e => e.Edit)];

    public IReadOnlyList<MessageSpec> DmsTo(Snowflake user) => Api.MessagesIn(DmOf(user));

    public static string Everything(MessageSpec message) =>
        string.Join("\n", [message.Content ?? "", .. (message.Embeds ?? []).Select(e => $"{e.Title}\n{e.Description}")]);
}
