using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>What the bot did: requests, messages (with whom they pinged), channels, commands, rate-limit trouble.</summary>
public sealed partial class DiscordEmulator
{
    public IReadOnlyList<RestRequestRecord> Requests => Locked(() => world.Record.Requests.ToList());

    /// <summary>Requests to a route template, e.g. <c>POST /guilds/{guild_id}/channels</c>.</summary>
    public IReadOnlyList<RestRequestRecord> RequestsTo(string route) => Locked(() => world.Record.Requests.Where(r => r.Route == route).ToList());

    /// <summary>Every message the bot sent (channel messages, interaction replies, followups), in order.</summary>
    public IReadOnlyList<EmulatedMessage> Messages => Locked(() => world.Record.Messages.ToList());

    public IReadOnlyList<EmulatedMessage> MessagesIn(Snowflake channelId) => Locked(() => world.Record.Messages.Where(m => m.ChannelId == channelId).ToList());

    /// <summary>Messages in the DM channel with a user.</summary>
    public IReadOnlyList<EmulatedMessage> DirectMessagesTo(Snowflake userId) => Locked(() =>
        world.Record.Channels.Where(c => c.Type == EmulatedChannelType.Dm && c.RecipientId == userId)
            .SelectMany(c => world.Record.Messages.Where(m => m.ChannelId == c.Id)).ToList());

    /// <summary>Every channel that existed, deleted ones included, in creation order (DM channels too).</summary>
    public IReadOnlyList<EmulatedChannel> Channels => Locked(() => world.Record.Channels.ToList());

    /// <summary>Channels the bot created through REST, with their overwrites and creation/deletion times.</summary>
    public IReadOnlyList<EmulatedChannel> ChannelsCreatedByBot => Locked(() => world.Record.Channels.Where(c => c.CreatedByBot).ToList());

    /// <summary>The registered commands of a guild, or the global ones when <paramref name="guildId"/> is null, as Discord returns them.</summary>
    public IReadOnlyList<JsonObject> CommandsOf(Snowflake? guildId) => Locked(() =>
        world.Commands.Get(Recorder.Scope(guildId)).Select(c => (JsonObject)c.DeepClone()).ToList());

    /// <summary>Successful bulk overwrites (PUT) of that scope's commands.</summary>
    public int CommandOverwriteCount(Snowflake? guildId) => Locked(() => world.Record.CommandOverwrites.GetValueOrDefault(Recorder.Scope(guildId)));

    /// <summary>429 answers of any kind (per route, global, scripted). A "429 storm" shows here.</summary>
    public int RateLimitedCount => Locked(() => world.Record.RouteRateLimited + world.Record.GlobalRateLimited);

    public int GlobalRateLimitedCount => Locked(() => world.Record.GlobalRateLimited);

    /// <summary>
    /// Requests under the bot's token (those the global limit counts, whichever process sent them) per whole second of
    /// arrival, the seconds without any left out: what a benchmark prints.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset Second, int Count)> BotRequestsPerSecond => Locked(() => world.Record.Requests
        .Where(r => r.HadBotAuth)
        .GroupBy(r => new DateTimeOffset(r.At.UtcTicks - (r.At.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero))
        .OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList());

    /// <summary>The most requests under the bot's token that arrived within any one second (a sliding window, as Discord counts).</summary>
    public int BusiestSecond => Locked(() =>
    {
        var arrivals = world.Record.Requests.Where(r => r.HadBotAuth).Select(r => r.At).Order().ToList();
        var (busiest, first) = (0, 0);
        for (var last = 0; last < arrivals.Count; last++)
        {
            while (arrivals[last] - arrivals[first] >= TimeSpan.FromSeconds(1))
                first++;
            busiest = Math.Max(busiest, last - first + 1);
        }
        return busiest;
    });

    /// <summary>Requests made while the bot had been told to wait (remaining 0 before reset, or within a retry_after).</summary>
    public int EarlyRetryCount => Locked(() => world.Record.EarlyRetries);

    /// <summary>What each early retry was: route, and how early.</summary>
    public IReadOnlyList<string> EarlyRetries => Locked(() => world.Record.EarlyRetryDetails.ToList());

    /// <summary>401, 403 and 429 answers (what Cloudflare counts towards its invalid-request ban).</summary>
    public int InvalidRequestCount => Locked(() => world.Record.InvalidRequests);

    /// <summary>Failures inside the emulator itself (answered 500); should stay empty.</summary>
    public IReadOnlyList<Exception> InternalErrors => Locked(() => world.Record.InternalErrors.ToList());

    public Task<RestRequestRecord> WaitForRequestAsync(string route, int count = 1, TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => Locked(() => world.Record.Requests.Where(r => r.Route == route && r.Status != 0).ElementAtOrDefault(count - 1)),
            timeout, $"request #{count} to {route}");

    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool>? match = null, TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => Locked(() => world.Record.Messages.FirstOrDefault(m => match?.Invoke(m) ?? true)), timeout, "a matching message");

    public Task<EmulatedChannel> WaitForChannelAsync(Func<EmulatedChannel, bool>? match = null, TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => Locked(() => world.Record.Channels.FirstOrDefault(c => c.CreatedByBot && (match?.Invoke(c) ?? true))),
            timeout, "a channel created by the bot");
}
