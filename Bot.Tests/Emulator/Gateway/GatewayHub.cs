using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// The gateway side of the world: open connections, sessions, what each client sent, and the dispatch of events to
/// every session entitled to them (shard and intents). All members are used under the world's lock.
/// </summary>
internal sealed class GatewayHub
{
    private readonly World world;

    public GatewayHub(World world)
    {
        MaxConcurrency = Math.Max(1, world.Options.MaxConcurrency);
        this.world = world;
        Late = new LateEvents(world, Send);
    }

    /// <summary>Events the test has chosen to deliver late (a fault); see <see cref="LateEvents"/>.</summary>
    public LateEvents Late { get; }

    public List<GatewaySession> Sessions { get; } = [];

    public List<GatewayConnection> Open { get; } = [];

    public List<ConnectionRecord> Connections { get; } = [];

    public List<IdentifyRecord> Identifies { get; } = [];

    public List<ResumeRecord> Resumes { get; } = [];

    public List<HeartbeatRecord> Heartbeats { get; } = [];

    public List<ReadyRecord> Readies { get; } = [];

    public List<FrameRecord> Frames { get; } = [];

    /// <summary>Request Guild Members (op 8) as asked, in order, with what came of each.</summary>
    public List<MemberRequestRecord> MemberRequests { get; } = [];

    /// <summary>When the whole member list of a guild was last asked for (Discord allows it once per 30 s).</summary>
    public Dictionary<Snowflake, DateTimeOffset> AllMembersAskedAt { get; } = [];

    /// <summary>What GET /gateway/bot returns.</summary>
    public string GatewayUrl { get; set; } = "";

    /// <summary>What READY gives as resume_gateway_url: a different path, so tests see where resumes go.</summary>
    public string ResumeUrl { get; set; } = "";

    public bool AcknowledgeHeartbeats { get; set; } = true;

    public DateTimeOffset? LastIdentifyAt { get; set; }

    /// <summary>The last session start per max_concurrency bucket.</summary>
    public Dictionary<int, DateTimeOffset> LastIdentifyByBucket { get; } = [];

    public int SessionStarts { get; set; }

    /// <summary>The IDENTIFY budget a test set (remaining at <see cref="StartsAtBudget"/> session starts), or null.</summary>
    public int? BudgetRemaining { get; set; }

    public int StartsAtBudget { get; set; }

    public TimeSpan BudgetResetAfter { get; set; } = TimeSpan.FromHours(4);

    public int MaxConcurrency { get; set; }

    /// <summary>Session starts left: each IDENTIFY that starts a session spends one.</summary>
    public int SessionStartsRemaining => Math.Max(0, BudgetRemaining is { } set
        ? set - (SessionStarts - StartsAtBudget)
        : world.Options.SessionStartLimit - SessionStarts);

    public IEnumerable<GatewaySession> Live => Sessions.Where(s => s.IsAlive(world.Now, world.Options.SessionResumeWindow));

    public IEnumerable<GatewayConnection> Active => Open.Where(c => !c.Closing);

    public void RecordFrame(GatewayConnection connection, FrameDirection direction, string text)
    {
        Frames.Add(new FrameRecord(world.Now, connection.Number, direction, text));
        world.Touch();
    }

    /// <summary>
    /// Sends an event to every live session that would receive it: the shard owning the guild, and only with the
    /// intent the event needs (0 for events sent regardless, such as INTERACTION_CREATE).
    /// </summary>
    public void Dispatch(string eventName, JsonNode? data, Snowflake? guildId, int intent)
    {
        if (!Late.Hold(eventName, data, guildId, intent))
            Send(eventName, data, guildId, intent);
    }

    private void Send(string eventName, JsonNode? data, Snowflake? guildId, int intent)
    {
        foreach (var session in Live.ToList())
        {
            if ((intent == 0 || (session.Intents & intent) != 0) && session.OwnsGuild(guildId))
                session.Dispatch(eventName, data);
        }
        world.Touch();
    }

    /// <summary>A test's own dispatch: every live session, no filtering.</summary>
    public void DispatchRaw(string eventName, JsonNode? data)
    {
        foreach (var session in Live.ToList())
            session.Dispatch(eventName, data);
        world.Touch();
    }

    public void Detach(GatewayConnection connection)
    {
        if (connection.Session is { } session && session.Connection == connection)
        {
            session.Connection = null;
            session.DisconnectedAt = world.Now;
        }
        connection.Session = null;
    }
}
