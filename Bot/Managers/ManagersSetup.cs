using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Managers;

public static class ManagersSetup
{
    /// <summary>The managers' view of their server's pairs: <c>/coaching pairs</c> (a subcommand of GuildSettings' <c>/coaching</c>).</summary>
    public static IHostApplicationBuilder AddManagers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PairsPageReader>();
        builder.Services.AddSingleton<ICoachingSubcommand, PairsCommand>();
        builder.Services.AddComponentHandler<PairsButtons>();
        return builder;
    }
}
