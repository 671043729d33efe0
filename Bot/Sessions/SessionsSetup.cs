using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

public static class SessionsSetup
{
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>()
            .Bind(builder.Configuration.GetSection(SessionOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>();
        return builder;
    }
}
