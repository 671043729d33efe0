using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Progress;

public static class ProgressSetup
{
    /// <summary>Statistics and streaks (<c>/stats</c>), and rounds: the Continue / Stop question and what follows it.</summary>
    public static IHostApplicationBuilder AddProgress(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RoundRepository>();
        services.AddSingleton<QuietRounds>();
        services.AddSingleton<PairStatsReader>();
        services.AddSingleton<RoundKeeper>();
        services.AddSingleton<GuildSessionsReader>();
        services.AddSingleton<ProgressPictures>();
        services.AddSingleton<RoundDecisions>();
        services.AddSingleton<ISessionClosedHandler, RoundEnd>();
        services.AddSingleton<IRitualStatusLine, RoundStatusLine>();
        services.AddSingleton<IReconcilable, RoundReconciler>();
        services.AddSlashCommand<StatsCommand>();
        services.AddComponentHandler<RoundButtons>();
        services.AddSingleton<IRitualSubcommand, RitualRounds>();
        return builder;
    }
}
