using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pairs;

public static class PairsSetup
{
    public static IHostApplicationBuilder AddPairs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PairOptions>().Bind(builder.Configuration.GetSection(PairOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PairOptions>, PairOptionsValidator>();
        services.AddSingleton<PairRepository>();
        services.AddSingleton<InvitationRepository>();
        services.AddSingleton<PairFormation>();
        services.AddSingleton<PairEnding>();
        services.AddSingleton<IReconcilable, InvitationSweeper>();
        services.AddSlashCommand<PairCommand>();
        services.AddSlashCommand<UnpairCommand>();
        services.AddComponentHandler<PairButtons>();
        services.AddComponentHandler<UnpairButtons>();
        return builder;
    }
}

public sealed class PairOptionsValidator : IValidateOptions<PairOptions>
{
    public ValidateOptionsResult Validate(string? name, PairOptions options) =>
        options.InvitationHours is < 1 or > 720
            ? ValidateOptionsResult.Fail($"Pairs__InvitationHours is {options.InvitationHours}; it must be a whole number of hours from 1 to 720.")
            : options.DeclineCooldownHours is < 0 or > 720
                ? ValidateOptionsResult.Fail($"Pairs__DeclineCooldownHours is {options.DeclineCooldownHours}; it must be a whole number of hours from 0 to 720.")
                : ValidateOptionsResult.Success;
}
