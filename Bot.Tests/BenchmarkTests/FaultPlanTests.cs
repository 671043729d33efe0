using CrossCoaching.Benchmarks;

namespace CrossCoaching.Tests.BenchmarkTests;

public sealed class FaultPlanTests
{
    private static readonly TimeSpan From = TimeSpan.FromSeconds(30), Until = TimeSpan.FromMinutes(16);

    [Fact]
    public void A_seed_gives_the_same_lost_answer_windows_and_category_faults_every_time()
    {
        var (first, second) = (FaultPlan.Make(9, From, Until), FaultPlan.Make(9, From, Until));

        Assert.Equal(first.LostAnswers, second.LostAnswers);
        Assert.Equal(first.Categories, second.Categories);
        Assert.Equal(FaultPlan.LostAnswerCount, first.LostAnswers.Count);
        Assert.NotEqual(first.Categories.OverflowGuild, first.Categories.DeletedGuild);
        Assert.InRange(first.Categories.DeletedAt, From, Until);
        Assert.All(first.LostAnswers, w => Assert.Contains(w.Status, new[] { 502, 504 }));
    }

    [Fact]
    public void Posts_count_as_failing_during_an_outage_and_for_the_slack_after_it_but_not_in_a_lost_answer_window()
    {
        var plan = FaultPlan.Make(9, From, Until) with
        {
            Outages = [new Outage(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(20), 503)],
            LostAnswers = [new Outage(TimeSpan.FromSeconds(200), TimeSpan.FromSeconds(20), 504)],
        };
        var slack = TimeSpan.FromSeconds(5);

        Assert.False(plan.PostsFailing(TimeSpan.FromSeconds(99), slack));
        Assert.True(plan.PostsFailing(TimeSpan.FromSeconds(110), slack));
        Assert.True(plan.PostsFailing(TimeSpan.FromSeconds(124), slack));
        Assert.False(plan.PostsFailing(TimeSpan.FromSeconds(126), slack));
        Assert.False(plan.PostsFailing(TimeSpan.FromSeconds(210), slack));
    }
}
