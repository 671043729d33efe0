using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord;

public static class DiscordSetup
{
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
        return builder;
    }
}
