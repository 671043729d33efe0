using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;
using CrossCoaching.Discord.Gateway;
using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary><c>AddDiscordGateway</c> on its own, with the transport, the REST API and the clock replaced.</summary>
public sealed class GatewaySetupTests
{
    private sealed class EventRecorder : IDiscordEventHandler
    {
        public System.Threading.Channels.Channel<DiscordEvent> Seen { get; } = System.Threading.Channels.Channel.CreateUnbounded<DiscordEvent>();

        public Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default) =>
            Seen.Writer.WriteAsync(discordEvent, cancellationToken).AsTask();
    }

    private static ServiceProvider Build(ScriptedGatewayConnectionFactory connections, EventRecorder? events = null, DiscordOptions? options = null, FakeTimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, FakeLifetime>();
        services.AddSingleton<BotExit>();
        services.AddSingleton(Options.Create(options ?? new DiscordOptions { Token = GatewayHarness.Token }));
        services.AddKeyedSingleton<TimeProvider>(DiscordSetup.ClockKey, time ?? new FakeTimeProvider());
        services.AddSingleton<IDiscordApi>(new FakeGatewayApi(GatewayHarness.GatewayUrl));
        services.AddSingleton<IGatewayConnectionFactory>(connections);
        if (events is not null)
            services.AddSingleton<IDiscordEventHandler>(events);
        services.AddDiscordGateway();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_cache_is_one_instance_seen_as_the_guild_cache_and_as_the_first_dispatch_handler()
    {
        using var provider = Build(new ScriptedGatewayConnectionFactory());

        var cache = provider.GetRequiredService<GuildCache>();

        Assert.Same(cache, provider.GetRequiredService<IGuildCache>());
        Assert.Same(cache, Assert.Single(provider.GetServices<IGatewayDispatchHandler>()));
        Assert.Same(provider.GetRequiredService<GatewaySession>(), provider.GetRequiredService<GatewaySession>());
        Assert.Null(provider.GetRequiredService<GatewaySession>().Shard);
        Assert.Equal(["DiscordEventPump", "GatewayService"], provider.GetServices<IHostedService>().Select(s => s.GetType().Name));
    }

    [Fact]
    public async Task The_hosted_services_connect_fill_the_cache_deliver_events_and_close_with_1000_on_stop()
    {
        var connections = new ScriptedGatewayConnectionFactory();
        var events = new EventRecorder();
        await using var provider = Build(connections, events);
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
            await service.StartAsync(CancellationToken.None);

        var connection = await connections.NextAsync();
        connection.PushHello(41250);
        await connection.NextSentAsync(2);
        connection.PushDispatch("READY", 1, GatewayHarness.ReadyJson(guilds: """[{"id":"1000","unavailable":true}]"""));
        connection.PushDispatch("GUILD_CREATE", 2, """{"id":"1000","name":"Club","owner_id":"7","preferred_locale":"fr","roles":[],"channels":[],"members":[],"voice_states":[{"user_id":"300","channel_id":"2001"}]}""");

        using var timeout = new CancellationTokenSource(ScriptedGatewayConnection.Patience);
        Assert.IsType<BotReady>(await events.Seen.Reader.ReadAsync(timeout.Token));
        Assert.Equal([new Snowflake(1000)], Assert.IsType<GuildsListed>(await events.Seen.Reader.ReadAsync(timeout.Token)).GuildIds);
        var available = Assert.IsType<GuildAvailable>(await events.Seen.Reader.ReadAsync(timeout.Token));
        Assert.Equal([new VoiceState(new Snowflake(300), new Snowflake(2001))], available.VoiceStates);
        Assert.Equal("Club", provider.GetRequiredService<IGuildCache>().GetGuild(new Snowflake(1000))?.Name);

        var stopping = Task.WhenAll(hosted.AsEnumerable().Reverse().Select(s => s.StopAsync(CancellationToken.None)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1000, connection.ClosedWith);
        Assert.Empty(connections.Errors);
    }

    [Fact]
    public async Task With_a_shard_count_one_process_runs_every_shard_and_they_identify_one_bucket_turn_apart()
    {
        var connections = new ScriptedGatewayConnectionFactory();
        var time = new FakeTimeProvider();
        await using var provider = Build(connections, options: new DiscordOptions { Token = GatewayHarness.Token, ShardCount = 2 }, time: time);
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
            await service.StartAsync(CancellationToken.None);

        var first = await connections.NextAsync();
        first.PushHello(41250);
        var firstIdentify = await first.NextSentAsync(2);
        // max_concurrency 1: the other shard waits for the bucket's next turn before it connects.
        await connections.AssertNoNewConnectionAsync();
        time.Advance(IdentifyGate.Window);
        var second = await connections.NextAsync();
        second.PushHello(41250);
        var secondIdentify = await second.NextSentAsync(2);

        var shards = new[] { firstIdentify, secondIdentify }.Select(i => i.GetProperty("d").GetProperty("shard").ToString()).Order();
        Assert.Equal(["[0,2]", "[1,2]"], shards);
        Assert.Equal([0, 1], provider.GetRequiredService<IGatewayStatus>().Shards.Select(s => s.Id));
        await Task.WhenAll(hosted.AsEnumerable().Reverse().Select(s => s.StopAsync(CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal((1000, 1000), (first.ClosedWith, second.ClosedWith));
    }
}
