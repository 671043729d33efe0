using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
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
    /// Quartz as the alarm clock, driven by the container's TimeProvider (tests move it by hand). On SQLite (one process)
    /// its triggers live in memory: the database is the source of truth, and before each start the steps already due and
    /// those within the near horizon are armed from it (<see cref="HorizonAtStart"/>), so a restart finds what a durable
    /// store would have kept, and the same misfire rules decide. A durable store cost 12 MiB of idle memory and a file
    /// that a restore had to remove by hand. On PostgreSQL it is Quartz's tables in the bot's database, clustered (see
    /// <see cref="SchedulerCluster"/>), so that another instance takes over the firings of one that died.
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
                // The durable store's threshold, not memory's 5 s: a trigger the scheduler gets to more than 5 s late (its
                // threads busy with slow steps, a loaded machine) is otherwise a misfire, and a reminder or warning then
                // waits for the next reconcile pass, by then often after its slot.
                q.UseInMemoryStore(store => store.MisfireThreshold = StepTriggers.MisfireThreshold);
            // Otherwise the storage options are wrong: the bot stops at their validation, before the scheduler starts.
        });
        if (provider == StorageProvider.Sqlite)
        {
            builder.Services.AddSingleton<IStartupTask>(new ObsoleteSchedulerFile(storage.SchedulerFilePath));
            builder.Services.AddSingleton<IStartupTask, HorizonAtStart>();
        }
        // Jobs are short; on stop they get a few seconds, then the next start arms what is left from the database.
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
