using System.Globalization;
using System.Text.Json.Nodes;
using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// What the progress, takeaway and privacy end-to-end tests do again and again: commands in a given language, the
/// message a user ends up seeing, and whole sessions lived through on the features' clock.
/// </summary>
internal static class CoachingSteps
{
    /// <summary>
    /// How often the reconciler's periodic pass runs here. A fake clock moved by a week fires a periodic timer once per
    /// elapsed period, and each of those passes runs before the move returns: hourly passes keep such a move cheap.
    /// </summary>
    public static readonly TimeSpan ReconcileEvery = TimeSpan.FromHours(1);

    /// <summary>
    /// One-minute sessions closing at the end of their time-box, a room prepared two seconds ahead (so that moving the
    /// clock to the slot never makes Quartz see a misfire), and the periodic repair pass every <see cref="ReconcileEvery"/>.
    /// </summary>
    public static Dictionary<string, string?> QuickSessions() => new()
    {
        ["Sessions:MinimumDurationMinutes"] = "1",
        ["Sessions:GraceMinutes"] = "0",
        ["Sessions:RoomLeadSeconds"] = "0",
        ["Sessions:ReconcileMinutes"] = ReconcileEvery.TotalMinutes.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A <see cref="CoachingWorld"/> with <see cref="QuickSessions"/>. Weeks of the features' clock pass here in a real
    /// second, so Discord's per-channel message limit (5 per 5 s) gets a one-second window: the bot still meets it and
    /// must wait, without making a month of direct messages cost many real seconds.
    /// </summary>
    public static Task<CoachingWorld> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = QuickSessions();
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        var second = new RateLimitRule(5, TimeSpan.FromSeconds(1));
        return CoachingWorld.StartAsync(settings, new EmulatorOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            IdentifyInterval = TimeSpan.Zero,
            RateLimits = new Dictionary<string, RateLimitRule>
            {
                ["POST /channels/{channel_id}/messages"] = second,
                ["PATCH /channels/{channel_id}/messages/{message_id}"] = second,
                ["POST /users/@me/channels"] = second,
            },
        });
    }

    public static Task<InteractionHandle> SendAsync(
        this CoachingWorld w, EmulatedUser user, string command, string? subcommand = null, string? locale = null, params CommandArg[] options) =>
        w.Discord.SendCommandAsync(new CommandCall(w.Guild.Id, w.General.Id, user.Id, command) { Subcommand = subcommand, Options = options, Locale = locale });

    /// <summary>The message the user sees in the end: the reply, the deferred reply once edited, or the updated message.</summary>
    public static async Task<EmulatedMessage> SeenAsync(this InteractionHandle handle)
    {
        var callback = await handle.WaitForCallbackAsync();
        if (callback.Type is 5 or 6)
            await handle.WaitForOriginalEditAsync();
        return handle.Original ?? throw new InvalidOperationException($"Interaction {handle.Id} was answered with callback type {callback.Type}.");
    }

    /// <summary>Whether the message says <paramref name="text"/>, in its content or in an embed's title or description.</summary>
    public static bool Shows(this EmulatedMessage message, string text) =>
        message.Content.Contains(text, StringComparison.Ordinal) ||
        message.Embeds.OfType<JsonObject>().Any(e => new[] { "title", "description" }.Any(k => e[k]?.GetValue<string>().Contains(text, StringComparison.Ordinal) == true));

    /// <summary>The user presses the one button of <paramref name="message"/> whose custom id starts with <paramref name="customIdPrefix"/>.</summary>
    public static Task<InteractionHandle> PressAsync(this CoachingWorld w, EmulatedMessage message, string customIdPrefix, EmulatedUser user) =>
        w.Discord.PressButtonAsync(message, message.CustomIds.Single(id => id.StartsWith(customIdPrefix, StringComparison.Ordinal)), user.Id);

    /// <summary>The owner names the trail channel (a new text channel, #trail) with <c>/coaching setup trail:</c>.</summary>
    public static async Task<EmulatedChannel> SetupTrailAsync(this CoachingWorld w)
    {
        var trail = w.Discord.AddTextChannel(w.Guild.Id, "trail");
        var reply = await w.ReplyToAsync(w.Owner, "coaching", "setup", CommandArg.Channel("trail", trail.Id));
        Assert.Contains($"<#{trail.Id}>", reply, StringComparison.Ordinal);
        return trail;
    }

    /// <summary>
    /// Alice and Bob paired with a weekly ritual on Mondays at 14:00 Paris time and a rooms category set; returns once
    /// the ritual's notice reached Bob and the outbox is idle, so that a fault scripted next hits the messages under test.
    /// </summary>
    public static async Task StartWeeklyRitualAsync(this CoachingWorld w)
    {
        await w.SetupRoomsCategoryAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set",
            CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"), CommandArg.String("timezone", "Europe/Paris"));
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Bob.Id).Count > 0, TimeSpan.FromSeconds(30), "the ritual's notice to Bob");
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
    }

    public static async Task<Pair> PairAsync(this CoachingWorld w) =>
        await w.Bot.Get<PairRepository>().FindCurrentAsync(w.Guild.Id, w.Alice.Id) ?? throw new InvalidOperationException("Alice has no pair.");

    /// <summary>The pair's next ritual session, as planned.</summary>
    public static async Task<Session> NextRitualSessionAsync(this CoachingWorld w)
    {
        var pair = await w.PairAsync();
        return (await w.Bot.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id)).Where(s => s.Kind == SessionKind.Ritual).MinBy(s => s.SlotAt)
            ?? throw new InvalidOperationException("No ritual session is planned.");
    }

    /// <summary>Alice opens a one-minute session with <c>/ritual now</c>; it is lived through like any other.</summary>
    public static async Task<Session> RunImpromptuSessionAsync(this CoachingWorld w, bool together = true, bool aliceAlone = false)
    {
        var pair = await w.PairAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "now", CommandArg.Integer("duration", 1));
        var sessions = w.Bot.Get<SessionRepository>();
        Session? session = null;
        await w.Discord.WaitUntilAsync(_ => (session = sessions.ListUnfinishedForPairAsync(pair.Id).Result.FirstOrDefault(s => s.Kind == SessionKind.Impromptu)) is not null,
            what: "the impromptu session");
        return await w.RunSessionAsync(session!, together, aliceAlone);
    }

    /// <summary>
    /// Lives through a session: the clock moves to its slot (the room opens with its welcome), both partners join
    /// the room when <paramref name="together"/>, and the clock moves to its close. Returns the session as closed.
    /// </summary>
    /// <param name="aliceAlone">Without <paramref name="together"/>: Alice comes and waits alone (a partial session).</param>
    public static async Task<Session> RunSessionAsync(this CoachingWorld w, Session session, bool together, bool aliceAlone = false)
    {
        var sessions = w.Bot.Get<SessionRepository>();
        if (w.Time.GetUtcNow() < session.SlotAt)
            w.Time.SetUtcNow(session.SlotAt);
        Snowflake? room = null;
        await w.Discord.WaitUntilAsync(d => (room = sessions.GetAsync(session.Id).Result!.RoomChannelId) is { } r && d.MessagesIn(r).Count >= 1,
            TimeSpan.FromSeconds(15), $"the room of session {session.Id} to open");
        if (together)
        {
            w.Discord.JoinVoice(w.Guild.Id, w.Alice.Id, room!.Value);
            w.Discord.JoinVoice(w.Guild.Id, w.Bob.Id, room.Value);
            var attendance = w.Bot.Get<AttendanceRepository>();
            await w.Discord.WaitUntilAsync(_ => attendance.ListAsync(session.Id).Result.Count == 2, what: "both partners recorded in the room");
        }
        else if (aliceAlone)
        {
            w.Discord.JoinVoice(w.Guild.Id, w.Alice.Id, room!.Value);
            var attendance = w.Bot.Get<AttendanceRepository>();
            await w.Discord.WaitUntilAsync(_ => attendance.ListAsync(session.Id).Result.Count == 1, what: "Alice recorded in the room");
        }

        w.Time.SetUtcNow(session.CloseAt);
        Session? closed = null;
        await w.Discord.WaitUntilAsync(d => (closed = sessions.GetAsync(session.Id).Result) is { Status: SessionStatus.Closed } && d.FindChannel(room!.Value)!.DeletedAt is not null,
            TimeSpan.FromSeconds(15), $"session {session.Id} to close");
        return closed!;
    }
}
