using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrossCoaching.Hosting;

namespace CrossCoaching.Discord;

/// <summary>What the Discord client tells an operator through the bot's meter: rate limits, reconnects, interaction times.</summary>
public sealed class DiscordMetrics
{
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _reconnects;
    private readonly Histogram<double> _interactions;

    public DiscordMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(BotMeter.Name);
        _rateLimited = meter.CreateCounter<long>("crosscoaching.discord.rest.rate_limited", "{response}",
            "HTTP 429 answers from Discord's REST API, by route template and scope (bucket or global).");
        _reconnects = meter.CreateCounter<long>("crosscoaching.discord.gateway.reconnects", "{reconnect}",
            "Gateway connections that ended and are followed by another, by shard and by what comes next (resume or identify).");
        _interactions = meter.CreateHistogram("crosscoaching.discord.interaction.duration", "s",
            "From the gateway delivering an interaction to its handler finishing (answered or deferred), by interaction type.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30] });
    }

    public void RateLimited(string route, bool global) =>
        _rateLimited.Add(1, new TagList { { "route", route }, { "scope", global ? "global" : "bucket" } });

    public void Reconnecting(int shard, bool resume) =>
        _reconnects.Add(1, new TagList { { "shard", shard }, { "action", resume ? "resume" : "identify" } });

    public void InteractionHandled(string type, TimeSpan duration) =>
        _interactions.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("type", type));
}
