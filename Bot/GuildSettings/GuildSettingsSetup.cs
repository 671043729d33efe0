using CrossCoaching.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.GuildSettings;

public static class GuildSettingsSetup
{
    public static IHostApplicationBuilder AddGuildSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GuildSettingsRepository>();
        builder.Services.AddSingleton<GuildLanguage>();
        builder.Services.AddSingleton<ManagerNotices>();
        builder.Services.AddSingleton<Messaging.IOutboxRefusals, PublicRefusals>();
        builder.Services.AddSingleton<LostCategory>();
        builder.Services.AddSlashCommand<SetupCommand>();
        return builder;
    }
}
