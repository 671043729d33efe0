using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Guilds;

public static class GuildsSetup
{
    public static IHostApplicationBuilder AddGuilds(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GuildOptions>().Bind(builder.Configuration.GetSection(GuildOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GuildOptions>, GuildOptionsValidator>();
        services.AddSingleton<GuildRemovalRepository>();
        services.AddSingleton<GuildGate>();
        services.AddSingleton<GuildRemoval>();
        services.AddSingleton<GuildWelcome>();
        services.AddSingleton<IDiscordEventHandler, GuildEvents>();
        services.AddSingleton<IReconcilable, GuildPurge>();
        return builder;
    }
}
