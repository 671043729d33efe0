using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Sessions.Elsewhere;
using CrossCoaching.Sessions.InRoom;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Sessions;

/// <summary>Around the talk: the check-in after a talk held elsewhere or an empty room, and the room's own controls.</summary>
public static class AroundTheTalkSetup
{
    public static IServiceCollection AddAroundTheTalk(this IServiceCollection services)
    {
        services.AddSingleton<CheckInRepository>();
        services.AddSingleton<CheckInOffer>();
        services.AddSingleton<ISessionClosedHandler>(sp => sp.GetRequiredService<CheckInOffer>());
        services.AddSingleton<IReconcilable>(sp => sp.GetRequiredService<CheckInOffer>());
        services.AddComponentHandler<CheckInButtons>();

        services.AddSingleton<SessionExtender>();
        services.AddComponentHandler<RoomButtons>();
        services.AddSingleton<PartnerWaiting>();
        services.AddSingleton<IDiscordEventHandler>(sp => sp.GetRequiredService<PartnerWaiting>());
        services.AddSingleton<IReconcilable>(sp => sp.GetRequiredService<PartnerWaiting>());
        return services;
    }
}
