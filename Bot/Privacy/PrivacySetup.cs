using CrossCoaching.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Privacy;

public static class PrivacySetup
{
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PersonalDataReader>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<Forgetting>();
        services.AddSlashCommand<MeCommand>();
        services.AddComponentHandler<ForgetButtons>();
        return builder;
    }
}
