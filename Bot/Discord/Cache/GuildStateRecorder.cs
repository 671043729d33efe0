using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// Records, from the instance holding a guild's shard, what steps read of the guild (<see cref="IGuildFacts"/>), so
/// that a step run on another instance decides as it would here (see <see cref="GuildState"/>). Written when it
/// changes: the cache marks the guild on each event that may change it (<see cref="GuildChanges"/>), and the marks are
/// taken <see cref="Window"/> after the first: a burst (a thousand GUILD_CREATEs at start, a server's channels
/// reorganised) is one transaction, and a guild whose record would not change is not written. Only on PostgreSQL.
/// </summary>
public sealed class GuildStateRecorder(
    GuildChanges changes,
    IGuildCache cache,
    IGuildStateStore store,
    InstanceIdentity instance,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<GuildStateRecorder> logger) : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    // What this process last wrote per guild; a process that starts writes each guild once more, with its own id.
    private readonly Dictionary<Snowflake, string> _written = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!changes.Enabled)
            return;
        try
        {
            while (true)
            {
                await changes.WaitAsync(stoppingToken);
                await Task.Delay(Window, time, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes the marked guilds whose record changed, in one transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var marked = changes.Take();
            if (marked.Count == 0 || cache.CurrentUser is not { } bot)
                return;
            var write = new List<(RecordedGuild Guild, string Fingerprint)>();
            var removed = new List<Snowflake>();
            foreach (var (guildId, gone) in marked)
            {
                if (cache.GetGuild(guildId) is { } guild)
                {
                    var record = RecordedGuild.Of(guild, bot.Id);
                    var fingerprint = record.Fingerprint();
                    if (_written.GetValueOrDefault(guildId) != fingerprint)
                        write.Add((record, fingerprint));
                }
                else if (gone)
                {
                    removed.Add(guildId);
                }
                // Neither: the shard went to another instance, which records the guild on its GUILD_CREATE.
            }

            if (write.Count == 0 && removed.Count == 0)
                return;
            try
            {
                await store.WriteAsync([.. write.Select(w => w.Guild)], removed, instance.Id, time.GetUtcNow(), cancellationToken);
            }
            catch (System.Data.Common.DbException e)
            {
                // Marked again for the next round; meanwhile the other instances read the older record, or none.
                logger.LogWarning("Could not record the state of {Count} guilds for the other instances: {Reason}", write.Count + removed.Count, e.Message);
                foreach (var (guildId, gone) in marked)
                    changes.Mark(guildId, gone);
                return;
            }

            foreach (var (guild, fingerprint) in write)
                _written[guild.Id] = fingerprint;
            foreach (var guildId in removed)
                _written.Remove(guildId);
        }
        finally
        {
            _flushing.Release();
        }
    }
}
