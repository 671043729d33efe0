using CrossCoaching.Discord.Gateway;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Discord.Members;
using CrossCoaching.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord;

public static class DiscordSetup
{
    /// <summary>
    /// Key of the clock the Discord client runs on (heartbeats, rate limits, the 3-second interaction deadline).
    /// It is real time even when a test drives the features' <see cref="TimeProvider"/> by hand, because Discord's
    /// own clocks do not stop.
    /// </summary>
    public const string ClockKey = "discord";

    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiscordOptions>()
            .Bind(builder.Configuration.GetSection(DiscordOptions.Section))
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // DISCORD_TOKEN (environment) and discord_token (a /run/secrets file) are the same key to the
                // case-insensitive configuration, and stand in when Discord__Token is not set.
                options.Token = (string.IsNullOrWhiteSpace(options.Token) ? configuration["DISCORD_TOKEN"] : options.Token)?.Trim();
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        builder.Services.AddKeyedSingleton(ClockKey, TimeProvider.System);
        builder.Services.AddSingleton<DiscordMetrics>();

        builder.Services.AddDiscordRest();
        builder.Services.AddDiscordGateway();
        builder.Services.AddDiscordMembers();
        builder.Services.AddDiscordInteractions();
        return builder;
    }
}
