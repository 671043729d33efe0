using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Takeaways;

public static class TakeawaysSetup
{
    public static IHostApplicationBuilder AddTakeaways(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TakeawayOptions>().Bind(builder.Configuration.GetSection(TakeawayOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TakeawayOptions>, TakeawayOptionsValidator>();
        services.AddSingleton<TakeawayRepository>();
        services.AddSingleton<TrailPostRepository>();
        services.AddSingleton<TakeawaySessions>();
        services.AddSingleton<TrailPoster>();
        services.AddSingleton<PartnerDelivery>();
        services.AddSingleton<TakeawayReveal>();
        services.AddSingleton<TakeawaySubmission>();
        services.AddSingleton<TrailView>();
        services.AddSingleton<IReconcilable, TakeawayRevealer>();
        services.AddSingleton<IPairRecall, LastTakeaways>();
        services.AddSingleton<IReconcilable, TakeawayNudges>();
        services.AddSlashCommand<TakeawayCommand>();
        services.AddSlashCommand<TrailCommand>();
        services.AddComponentHandler<TakeawayButtons>();
        services.AddComponentHandler<TrailButtons>();
        return builder;
    }
}
