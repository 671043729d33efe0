using CrossCoaching.Discord;

namespace CrossCoaching.Guilds;

/// <summary>GUILD_DELETE and GUILD_CREATE as the sessions need them (removed, out for a while, or back), and the welcome on joining.</summary>
public sealed class GuildEvents(GuildRemoval removal, GuildWelcome welcome) : IDiscordEventHandler
{
    public Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default) => discordEvent switch
    {
        GuildRemoved { Unavailable: true } outage => Unavailable(outage.GuildId),
        GuildRemoved removed => removal.RemovedAsync(removed.GuildId, cancellationToken),
        GuildAvailable available => AvailableAsync(available, cancellationToken),
        GuildsListed listed => removal.ListedAsync(listed, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task AvailableAsync(GuildAvailable available, CancellationToken cancellationToken)
    {
        await removal.AvailableAsync(available.GuildId, cancellationToken);
        if (available.Joined)
            await welcome.JoinedAsync(available.GuildId, cancellationToken);
    }

    private Task Unavailable(Snowflake guildId)
    {
        removal.Unavailable(guildId);
        return Task.CompletedTask;
    }
}
