using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Discord.Rest.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class RestSetupTests
{
    [Fact]
    public void The_rest_client_is_one_IDiscordApi_for_the_whole_process()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddKeyedSingleton<TimeProvider>(DiscordSetup.ClockKey, new TestClock())
            .AddSingleton(Options.Create(new DiscordOptions { Token = "t" }))
            .AddDiscordRest();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var api = provider.GetRequiredService<IDiscordApi>();

        Assert.IsType<DiscordRestClient>(api);
        Assert.Same(api, provider.GetRequiredService<IDiscordApi>());
    }
}
