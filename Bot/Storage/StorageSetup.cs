using CrossCoaching.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Storage;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        DapperTypeHandlers.Register();
        builder.Services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var configured = StorageOptions.From(configuration);
                (options.ConnectionString, options.Provider) = (configured.ConnectionString, configured.Provider);
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<SqliteConnectionFactory>();
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<DatabaseBackup>();
        // The lock comes first: two processes must not even migrate side by side.
        builder.Services.AddSingleton<InstanceLock>();
        builder.Services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<InstanceLock>());
        builder.Services.AddSingleton<IStartupTask, MigrateDatabase>();
        InstanceIdentity.Of(builder);
        builder.Services.AddOptions<InstanceOptions>().Bind(builder.Configuration.GetSection(InstanceOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InstanceOptions>, InstanceOptionsValidator>();
        builder.Services.AddSingleton<InstanceHeartbeat>();
        builder.Services.AddSingleton<IStartupTask>(sp => sp.GetRequiredService<InstanceHeartbeat>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InstanceHeartbeat>());
        // A global 429 drawn by one instance pauses them all (PostgreSQL; nothing runs on SQLite).
        builder.Services.AddSingleton<Discord.Rest.IGlobalPauseNotices, GlobalPauseNotices>();
        builder.Services.AddSingleton<Discord.Rest.GlobalPauseChannel>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Discord.Rest.GlobalPauseChannel>());
        builder.Services.AddClusterLocks();
        builder.Services.AddSingleton<Discord.Gateway.IShardLeaseStore, ShardLeaseStore>();
        builder.Services.AddSingleton<Discord.Members.IMemberSightingStore, MemberSightingStore>();
        builder.Services.AddSingleton<IRoomPresenceStore, RoomPresenceStore>();
        // The guilds' state recorded by the instance holding their shard, for steps run elsewhere (PostgreSQL only).
        builder.Services.AddSingleton<Discord.Cache.IGuildStateStore, GuildStateStore>();
        builder.Services.AddSingleton<Discord.Cache.GuildChanges>();
        builder.Services.AddSingleton<Discord.Cache.GuildStateRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Discord.Cache.GuildStateRecorder>());
        builder.Services.AddSingleton<Discord.IGuildState, Discord.Cache.GuildState>();
        return builder;
    }

    private sealed class MigrateDatabase(MigrationRunner runner) : IStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken = default) => runner.MigrateAsync(cancellationToken);
    }
}
