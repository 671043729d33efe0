namespace CrossCoaching.Discord;

/// <summary>
/// What a step needs to know of a guild, wherever it runs: from the gateway cache on the instance holding the guild's
/// shard, else from what that instance recorded (see <c>GuildStateRecorder</c>). Null when neither can tell: the
/// callers then keep their fail-closed ways (ask Discord for everything and let it refuse, English, no notice).
/// </summary>
public interface IGuildState
{
    Task<IGuildFacts?> GetAsync(Snowflake guildId, CancellationToken cancellationToken = default);
}

/// <summary>A guild as its shard's instance sees it; a category the source has not seen answers null or nothing.</summary>
public interface IGuildFacts
{
    string Name { get; }

    Snowflake OwnerId { get; }

    Snowflake? SystemChannelId { get; }

    string PreferredLocale { get; }

    /// <summary>The bot's permissions in the guild, or in one of its categories; null when the category is not known.</summary>
    Permissions? BotPermissions(Snowflake? categoryId = null);

    /// <summary>A category's name; null when it is not known.</summary>
    string? CategoryName(Snowflake categoryId);

    /// <summary>The channels under a category (none when it is not known).</summary>
    IReadOnlyCollection<Snowflake> ChannelsIn(Snowflake categoryId);
}
