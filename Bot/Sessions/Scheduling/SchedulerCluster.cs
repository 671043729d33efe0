using System.Globalization;
using CrossCoaching.Storage;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace CrossCoaching.Sessions.Scheduling;

/// <summary>
/// The scheduler on PostgreSQL: Quartz's own tables (qrtz_*, created when missing) in the bot's database, with
/// clustering on. Each firing is taken by exactly one instance under a row lock; every instance checks in every
/// <see cref="CheckinInterval"/>, and one that misses its check-in by <see cref="CheckinMisfireThreshold"/> is
/// declared dead: the firings it was running (the steps request recovery) are run again by another instance, which
/// the steps allow, being idempotent. The instance id is the bot's own (<see cref="InstanceIdentity"/>, unique by
/// default). <c>Instance__CheckinSeconds</c> sets the check-in interval and the threshold alike (tests shorten it).
/// Misfire handling is what each trigger states, as on SQLite.
/// </summary>
public static class SchedulerCluster
{
    /// <summary>How often an instance tells the others it is alive.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(7.5);

    /// <summary>How late a check-in may be before the instance counts as dead (a failover then takes about 15 s).</summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(7.5);

    public const string CheckinKey = "Instance:CheckinSeconds";

    /// <summary>The check-in interval (and threshold) configured, or the default (a wrong value stops the bot at its validation).</summary>
    public static TimeSpan CheckinFrom(IConfiguration configuration) =>
        double.TryParse(configuration[CheckinKey], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= InstanceOptionsValidator.MinCheckinSeconds and <= InstanceOptionsValidator.MaxCheckinSeconds
            ? TimeSpan.FromSeconds(seconds)
            : CheckinInterval;

    public static void Configure(IQuartzBuilder quartz, string connectionString, InstanceIdentity instance, TimeSpan checkin)
    {
        quartz.ConfigureScheduler(o => o.InstanceId = instance.Id);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.ProvisionSchema();
            store.UseClustering(c =>
            {
                c.CheckinInterval = checkin;
                c.CheckinMisfireThreshold = checkin;
            });
        });
    }
}
