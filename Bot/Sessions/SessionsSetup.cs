using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrossCoaching.Sessions;

public static class SessionsSetup
{
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionOptions>().Bind(builder.Configuration.GetSection(SessionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>();

        services.AddSingleton<SessionMetrics>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<NoticeRepository>();
        services.AddSingleton<AttendanceRepository>();
        services.AddSingleton<RoomRepository>();
        services.AddSingleton<OverflowCategories>();
        services.AddSingleton<RoomDeletions>();
        services.AddSingleton<RoomService>();
        services.AddSingleton<RoomIntents>();
        services.AddSingleton<LeftRooms>();
        services.AddSingleton<UnsafeRooms>();
        services.AddSingleton<SessionNotifier>();
        services.AddSingleton<SessionEnder>();
        services.AddSingleton<IPairSessions, PairSessions>();
        services.AddSingleton<SessionPlanner>();
        services.AddSingleton<SessionSkipper>();
        services.AddSingleton<PairNotices>();
        services.AddComponentHandler<ReminderButtons>();
        services.AddSingleton<ImpromptuSessions>();
        services.AddSingleton<SessionRunner>();
        services.AddSingleton<PartnerDeparture>();
        services.AddSingleton<UpcomingPartners>();
        services.AddSingleton<SharedRoomPresence>();
        services.AddSingleton(sp => new EmptyRooms(sp.GetRequiredService<Discord.IGuildCache>(), sp));
        services.AddSingleton<PartnerLookahead>();
        services.AddHostedService(sp => sp.GetRequiredService<PartnerLookahead>());
        services.AddSingleton<SlotSpread>();
        services.AddSingleton<RoomOpener>();
        services.AddSingleton<OrphanRooms>();
        services.AddSingleton<SessionScheduler>();
        services.AddSingleton<DueSteps>();
        services.AddSingleton<StepHorizon>();
        services.AddSingleton<IReconcilable, SessionReconciler>();
        services.AddSingleton<SessionMoveRepository>();
        services.AddSingleton<SessionMover>();
        services.AddSingleton<IReconcilable, MovedSessionsReconciler>();
        services.AddSingleton<RoomEvents>();
        services.AddSingleton<IDiscordEventHandler>(sp => sp.GetRequiredService<RoomEvents>());
        services.AddSingleton<Reconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<Reconciler>());
        services.AddAroundTheTalk();

        AddScheduler(builder);
        return builder;
    }

    /// <summary>
    /// Quartz as the alarm clock: a durable store (a missed close still fires after a restart), driven by the
    /// container's TimeProvider (tests move it by hand). On SQLite the store is its own file beside the database; on
    /// PostgreSQL it is Quartz's tables in the bot's database, clustered (see <see cref="SchedulerCluster"/>).
    /// </summary>
    private static void AddScheduler(IHostApplicationBuilder builder)
    {
        var storage = StorageOptions.From(builder.Configuration);
        var provider = storage.TryProvider();
        var instance = InstanceIdentity.Of(builder);
        var checkin = SchedulerCluster.CheckinFrom(builder.Configuration);
        builder.Services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 16);
            if (provider == StorageProvider.Postgres)
                SchedulerCluster.Configure(q, storage.ConnectionString, instance, checkin);
            else if (provider == StorageProvider.Sqlite)
                q.UsePersistentStore(store =>
                {
                    store.UseSqlite(storage.SchedulerConnectionString);
                    store.ProvisionSchema();
                });
            // Otherwise the storage options are wrong: the bot stops at their validation, before the scheduler starts.
        });
        if (provider == StorageProvider.Sqlite)
            builder.Services.AddSingleton<IStartupTask>(new CreateFolder(new SqliteConnectionStringBuilder(storage.SchedulerConnectionString).DataSource));
        // Jobs are short; on stop they get a few seconds, then a recovered firing finishes the work at the next start.
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>The scheduler's file and folder, private like the database's, before Quartz opens them.</summary>
    private sealed class CreateFolder(string database) : IStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken = default)
        {
            PrivateFiles.PrepareDatabase(database);
            return Task.CompletedTask;
        }
    }
}
