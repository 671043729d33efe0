using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

public static class PoolSetup
{
    public static IHostApplicationBuilder AddPool(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PoolOptions>().Bind(builder.Configuration.GetSection(PoolOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PoolOptions>, PoolOptionsValidator>();
        services.AddSingleton<PoolEntryRepository>();
        services.AddSingleton<PoolExclusionRepository>();
        services.AddSingleton<PoolProposalRepository>();
        services.AddSingleton<PoolRunRepository>();
        services.AddSingleton<PoolMatching>();
        services.AddSingleton<PoolMatchmaker>();
        services.AddSingleton<PoolPairing>();
        services.AddSingleton<PoolRole>();
        services.AddSingleton<PoolWithdrawal>();
        services.AddSingleton<PoolJoin>();
        services.AddSingleton<IPairPool, PoolCommand>();
        services.AddSingleton<PoolSweeper>();
        services.AddSingleton<IReconcilable>(sp => sp.GetRequiredService<PoolSweeper>());
        services.AddComponentHandler<PoolButtons>();
        services.AddComponentHandler<ProposalButtons>();
        return builder;
    }
}
