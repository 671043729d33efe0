using System.Collections.Concurrent;
using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CrossCoaching.Tests.Cluster;

/// <summary>
/// Two schedulers (two hosts, each configured as the bot configures it on PostgreSQL: clustered, its own instance id)
/// on one database, on the real clock, with a one-second check-in (<c>Instance__CheckinSeconds</c>) so that a failover
/// takes seconds. The job stands for a session step: it requests recovery and records where it ran.
/// </summary>
public sealed class SchedulerClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Each_trigger_fires_on_exactly_one_of_two_clustered_instances()
    {
        var database = PostgresServer.Instance.CreateMigratedDatabase();
        using var a = await StartNodeAsync(database, "node-a");
        using var b = await StartNodeAsync(database, "node-b");
        try
        {
            var scheduler = await SchedulerOf(a);
            var at = TimeProvider.System.GetUtcNow().AddSeconds(2);
            var names = Enumerable.Range(0, 30).Select(i => $"once-{i}").ToList();
            foreach (var name in names)
                await scheduler.ScheduleJob(Job(name), TriggerBuilder.Create().WithIdentity(name, "cluster-test").StartAt(at).Build());

            await WaitUntilAsync(() => names.All(n => ProbeJob.Runs.Any(r => r.Job == n)));
            await Task.Delay(TimeSpan.FromSeconds(3)); // a second firing would come by now

            foreach (var name in names)
                Assert.Single(ProbeJob.Runs, r => r.Job == name);
            Assert.All(ProbeJob.Runs.Where(r => names.Contains(r.Job)), r => Assert.Contains(r.Instance, new[] { "node-a", "node-b" }));
        }
        finally
        {
            await StopAsync(a, b);
            PostgresServer.Instance.Drop(database);
        }
    }

    [Fact]
    public async Task A_step_left_running_by_an_instance_that_stopped_is_run_again_by_the_other()
    {
        var database = PostgresServer.Instance.CreateMigratedDatabase();
        using var a = await StartNodeAsync(database, "node-a");
        IHost? b = null;
        try
        {
            // Only A runs: it takes the step and is stuck in it.
            await (await SchedulerOf(a)).ScheduleJob(Job("held", hold: true), TriggerBuilder.Create().WithIdentity("held", "cluster-test").StartNow().Build());
            await WaitUntilAsync(() => ProbeJob.Runs.Any(r => r is { Job: "held", Instance: "node-a" }));
            b = await StartNodeAsync(database, "node-b");

            // A stops without finishing (no wait for its job, no more check-ins), as a killed process would.
            await (await SchedulerOf(a)).Shutdown(waitForJobsToComplete: false);

            await WaitUntilAsync(() => ProbeJob.Runs.Any(r => r is { Job: "held", Instance: "node-b", Recovering: true }));
            Assert.Single(ProbeJob.Runs, r => r is { Job: "held", Instance: "node-b" });
        }
        finally
        {
            ProbeJob.Release.TrySetResult();
            await StopAsync(a, b);
            b?.Dispose();
            PostgresServer.Instance.Drop(database);
        }
    }

    private static IJobDetail Job(string name, bool hold = false) =>
        JobBuilder.Create<ProbeJob>().WithIdentity(name, "cluster-test").RequestRecovery().UsingJobData(ProbeJob.Hold, hold).Build();

    private static async Task<IHost> StartNodeAsync(string database, string id)
    {
        var builder = TestHostBuilder.Create(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["ConnectionStrings:CrossCoaching"] = database,
            ["Instance:Id"] = id,
            ["Instance:CheckinSeconds"] = "1",
        });
        builder.Services.RemoveAll<IDiscordApi>().AddSingleton<IDiscordApi>(new FakeDiscordApi().AcceptingEverything());
        builder.Services.RemoveAll<IGuildCache>().AddSingleton<IGuildCache>(new FakeGuildCache());
        var host = builder.Build();
        Assert.Null(await BotRunner.PrepareAsync(host));
        // The scheduler alone: no gateway, no reconciler.
        var scheduler = await SchedulerOf(host);
        Assert.Equal(id, scheduler.SchedulerInstanceId);
        await scheduler.Start();
        return host;
    }

    private static async Task<IScheduler> SchedulerOf(IHost host) => await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static async Task StopAsync(params IHost?[] hosts)
    {
        foreach (var host in hosts.OfType<IHost>())
        {
            try
            {
                await (await SchedulerOf(host)).Shutdown(waitForJobsToComplete: true);
            }
            catch (SchedulerException)
            {
                // shut down by the test already
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The cluster did not get there in time");
            await Task.Delay(100);
        }
    }

    /// <summary>Records each run (which instance, recovering or not); a held run waits until the test lets it go.</summary>
    public sealed class ProbeJob : IJob
    {
        public const string Hold = "hold";

        public static ConcurrentQueue<(string Job, string Instance, bool Recovering)> Runs { get; } = new();

        public static TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Runs.Enqueue((context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Recovering));
            if (context.MergedJobDataMap.GetBoolean(Hold) && !context.Recovering)
                await Release.Task;
        }
    }
}
