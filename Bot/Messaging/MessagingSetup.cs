using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Messaging;

public static class MessagingSetup
{
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DmChannels>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return builder;
    }
}
