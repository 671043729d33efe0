namespace CrossCoaching.Tests.Architecture;

/// <summary>
/// The two-way dependencies between top-level folders of <c>Bot/</c> that exist today, each with why, read from the
/// code. Untangling one means deleting its line here (the architecture test insists once the cycle is gone).
/// </summary>
internal static class FolderCycles
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>
    {
        ["Discord ↔ Localization"] =
            "The interaction router and context answer failures in the user's language (Lang, CommonTexts); LocalizedText "
            + "turns a text into Discord's command-name localizations (Discord.Interactions.Localizations).",
        ["Discord ↔ Storage"] =
            "Storage implements the client's ICommandRegistrationStore and maps Snowflake for Dapper; InteractionsSetup "
            + "registers Storage's CommandRegistrationStore as that store instead of leaving it to the composition root. With "
            + "several instances the client coordinates through the database, behind its own interfaces that Storage "
            + "implements: shard leases and IDENTIFY turns (ShardLeaseStore), the global rate limit's pause (GlobalPauseNotices, "
            + "NOTIFY), the member answers kept for the other instances (MemberSightingStore) and the guilds' own state recorded "
            + "for them (GuildStateStore implements the cache's IGuildStateStore); the gateway names itself with Storage's "
            + "InstanceIdentity when it leases shards and registers commands.",
        ["GuildSettings ↔ Rituals"] =
            "/ritual set reads the server's settings and language and offers GuildSettings' time-zone choices; /setup's "
            + "zone autocomplete reads the TimeZoneCatalog that lives in Rituals/Schedule.",
        ["GuildSettings ↔ Sessions"] =
            "Rooms read the server's categories and language (GuildSettingsRepository, LostCategory, GuildLanguage) and "
            + "tell managers through ManagerNotices; /setup names the room permissions it checks (RoomPermissions).",
        ["Guilds ↔ Sessions"] =
            "GuildRemoval ends a removed server's sessions (SessionEnder, SessionRunner); SessionPlanner and SessionRunner "
            + "ask GuildGate whether the server is still served before planning or running a step.",
        ["Hosting ↔ Sessions"] =
            "Sessions registers its reconciler and startup task through Hosting's IReconcilable/IStartupTask; Hosting's "
            + "Reconciler takes its period from SessionOptions.ReconcileMinutes.",
        ["Hosting ↔ Storage"] =
            "The instance lock and migrations are Hosting startup tasks that fail with StartupException; Hosting's "
            + "backup command runs Storage's DatabaseBackup; Storage's in-process cluster locks are Hosting's KeyedLock, "
            + "and Hosting's Reconciler runs each part under Storage's cluster lock.",
        ["Messaging ↔ Pairs"] =
            "Pairs owe notices through the Outbox (unpairing); a Letter's mention fallback is addressed to the pair's "
            + "home channel, so Letter.WithMentionFallback reads the Pair.",
        ["Messaging ↔ Sessions"] =
            "Steps write their letters with their state change (Outbox in a DbWork); a session's letters carry its id so "
            + "that they are dropped once it is over (Letter.ToPartner/InRoom take the Session, NoticeRepository.Room).",
    };
}
