using CrossCoaching.Discord.Cache;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Gateway;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Cache;

public sealed class DiscordEventPumpTests
{
    private sealed class Recorder(string name, List<string> seen, Func<DiscordEvent, bool>? throwsOn = null) : IDiscordEventHandler
    {
        public Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default)
        {
            lock (seen)
                seen.Add($"{name}:{discordEvent.GetType().Name}");
            return throwsOn?.Invoke(discordEvent) == true ? throw new InvalidOperationException($"{name} broke") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Events_reach_every_handler_in_order_and_a_throwing_handler_is_logged_and_skipped()
    {
        var seen = new List<string>();
        var logs = new CapturingLoggerProvider();
        var queue = new DiscordEventQueue();
        using var pump = new DiscordEventPump(queue,
            [new Recorder("first", seen, e => e is GuildRemoved), new Recorder("second", seen)], logs.For<DiscordEventPump>());
        await pump.StartAsync(CancellationToken.None);

        queue.Publish(new GuildAvailable(new Snowflake(1), []));
        queue.Publish(new GuildRemoved(new Snowflake(1), false));
        queue.Publish(new ChannelDeleted(new Channel(new Snowflake(2), ChannelType.GuildVoice, new Snowflake(1), null, "room", [])));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (seen.Count < 6)
            await Task.Delay(5, timeout.Token);
        await pump.StopAsync(CancellationToken.None);

        Assert.Equal(
            ["first:GuildAvailable", "second:GuildAvailable", "first:GuildRemoved", "second:GuildRemoved", "first:ChannelDeleted", "second:ChannelDeleted"],
            seen);
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("first broke", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_pump_returns_promptly()
    {
        using var pump = new DiscordEventPump(new DiscordEventQueue(), [], new CapturingLoggerProvider().For<DiscordEventPump>());
        await pump.StartAsync(CancellationToken.None);

        await pump.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
    }
}
