using CrossCoaching.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Discord.Members;

public static class MembersSetup
{
    /// <summary>Who is a member, from what the gateway shows and from Request Guild Members (after the cache in dispatch order).</summary>
    public static IServiceCollection AddDiscordMembers(this IServiceCollection services)
    {
        services.AddSingleton<MemberSightings>();
        services.AddSingleton<MemberEvents>();
        services.AddSingleton<IGatewayDispatchHandler>(sp => sp.GetRequiredService<MemberEvents>());
        services.AddSingleton<SharedSightings>();
        services.AddSingleton<GatewayMemberDirectory>();
        services.AddSingleton<IMemberDirectory>(sp => sp.GetRequiredService<GatewayMemberDirectory>());
        return services;
    }
}
