namespace CrossCoaching.Discord.Interactions;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>A value given for a command option. Exactly one of the value properties is set, as its type says.</summary>
public sealed record InteractionOption(
    string Name,
    CommandOptionType Type,
    string? String = null,
    long? Integer = null,
    double? Number = null,
    bool? Boolean = null,
    Snowflake? Id = null,
    bool Focused = false);

/// <summary>A channel picked in an option, as Discord resolves it (with the invoker's view of its permissions).</summary>
public sealed record ResolvedChannel(Snowflake Id, ChannelType Type, string? Name, Snowflake? ParentId, Permissions Permissions);

/// <summary>Users, members and channels an interaction refers to, resolved by Discord.</summary>
public sealed record InteractionResolved(
    IReadOnlyDictionary<Snowflake, DiscordUser> Users,
    IReadOnlyDictionary<Snowflake, GuildMember> Members,
    IReadOnlyDictionary<Snowflake, ResolvedChannel> Channels)
{
    public static InteractionResolved Empty { get; } = new(
        new Dictionary<Snowflake, DiscordUser>(), new Dictionary<Snowflake, GuildMember>(), new Dictionary<Snowflake, ResolvedChannel>());
}

/// <summary>
/// An interaction parsed from INTERACTION_CREATE: a slash command, an autocomplete request, a button press or a modal
/// submission. Features read it; they answer through the interaction context.
/// </summary>
public sealed record Interaction(
    Snowflake Id,
    Snowflake ApplicationId,
    InteractionType Type,
    string Token,
    Snowflake? GuildId,
    Snowflake? ChannelId,
    DiscordUser User,
    GuildMember? Member,
    Permissions MemberPermissions,
    Permissions AppPermissions,
    string Locale,
    string? GuildLocale,
    string? CommandName = null,
    string? SubcommandGroup = null,
    string? Subcommand = null,
    IReadOnlyList<InteractionOption>? Options = null,
    InteractionResolved? Resolved = null,
    string? CustomId = null,
    IReadOnlyDictionary<string, string>? ModalFields = null,
    Snowflake? MessageId = null)
{
    public IReadOnlyList<InteractionOption> Values => Options ?? [];

    public InteractionResolved References => Resolved ?? InteractionResolved.Empty;

    /// <summary>The invoker's display name in this guild.</summary>
    public string UserDisplayName => Member?.DisplayName ?? User.DisplayName;

    public InteractionOption? Option(string name) => Values.FirstOrDefault(o => o.Name == name);

    public string? GetString(string name) => Option(name)?.String;

    public long? GetInteger(string name) => Option(name)?.Integer;

    public DiscordUser? GetUser(string name) =>
        Option(name)?.Id is { } id && References.Users.TryGetValue(id, out var user) ? user : null;

    public GuildMember? GetMember(string name) =>
        Option(name)?.Id is { } id && References.Members.TryGetValue(id, out var member) ? member : null;

    public ResolvedChannel? GetChannel(string name) =>
        Option(name)?.Id is { } id && References.Channels.TryGetValue(id, out var channel) ? channel : null;

    /// <summary>The option being typed, for an autocomplete request.</summary>
    public InteractionOption? Focused => Values.FirstOrDefault(o => o.Focused);

    public string? GetField(string customId) => ModalFields is not null && ModalFields.TryGetValue(customId, out var v) ? v : null;
}
