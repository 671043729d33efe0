using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Rituals;

public static class RitualsSetup
{
    public static IHostApplicationBuilder AddRituals(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RitualRepository>();
        services.AddSingleton<IRitualSource, RitualSource>();
        services.AddSingleton<RitualChanges>();
        services.AddSingleton<PairComeback>();
        services.AddSingleton<MoveProposals>();
        services.AddSingleton<MovedOccurrences>();
        services.AddComponentHandler<MoveButtons>();
        services.AddSingleton<IReconcilable, RitualResumer>();
        // The order here is the order of the subcommands in Discord's menu.
        services.AddSingleton<IRitualSubcommand, RitualSet>();
        services.AddSingleton<IRitualSubcommand, RitualShow>();
        services.AddSingleton<IRitualSubcommand, RitualSkip>();
        services.AddSingleton<IRitualSubcommand, RitualMove>();
        services.AddSingleton<IRitualSubcommand, RitualPause>();
        services.AddSingleton<IRitualSubcommand, RitualResume>();
        services.AddSingleton<IRitualSubcommand, RitualNow>();
        services.AddSingleton<IRitualSubcommand, RitualCalendarCommand>();
        services.AddSlashCommand<RitualCommand>();
        return builder;
    }
}
