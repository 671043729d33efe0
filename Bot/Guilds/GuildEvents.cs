using CrossCoaching.Discord;

namespace CrossCoaching.Guilds;

/// <summary>GUILD_DELETE and GUILD_CREATE as the sessions need them: removed, out for a while, or back.</summary>
public sealed class GuildEvents(GuildRemoval removal) : IDiscordEventHandler
{
    public Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default) => discordEvent switch
    {
        GuildRemoved { Unavailable: true } outage => Unavailable(outage.GuildId),
        GuildRemoved removed => removal.RemovedAsync(removed.GuildId, cancellationToken),
        GuildAvailable available => removal.AvailableAsync(available.GuildId, cancellationToken),
        GuildsListed listed => removal.ListedAsync(listed, cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task Unavailable(Snowflake guildId)
    {
        removal.Unavailable(guildId);
        return Task.CompletedTask;
    }
}
