using CrossCoaching.Discord;
using CrossCoaching.Discord.Gateway;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>The daily IDENTIFY budget from GET /gateway/bot: never spent by a crash or op-9 loop.</summary>
public sealed class IdentifyBudgetTests
{
    private static GatewayInfo Budget(int remaining, TimeSpan resetAfter, int total = 1000) =>
        new(GatewayHarness.GatewayUrl, 1, remaining, resetAfter, 1, total);

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(100, 0)] // 10 %: still comfortable
    [InlineData(99, 600 / 99.0)] // low: what is left is spread over the 10 hours to the reset
    [InlineData(1, 600)]
    public void The_wait_before_an_identify_grows_as_the_budget_runs_low(int remaining, double minutes)
    {
        var wait = IdentifyBudget.WaitBefore(Budget(remaining, TimeSpan.FromHours(10)));

        Assert.Equal(minutes, wait.TotalMinutes, 3);
    }

    [Fact]
    public void With_no_identify_left_the_wait_lasts_until_the_reset()
    {
        Assert.Equal(TimeSpan.FromHours(2) + IdentifyBudget.Margin, IdentifyBudget.WaitBefore(Budget(0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public async Task With_no_identify_left_the_bot_waits_for_the_reset_logs_it_and_only_then_identifies()
    {
        await using var gateway = new GatewayHarness(jitter: 0);
        gateway.Api.Info = Budget(0, TimeSpan.FromHours(2));
        gateway.Start();

        var line = await gateway.Logs.WaitForAsync("more IDENTIFY");
        Assert.Contains("0 more IDENTIFY of 1000", line.Message, StringComparison.Ordinal);
        gateway.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Equal(0, gateway.Connections.Count);

        gateway.Api.Info = Budget(1000, TimeSpan.FromHours(24));
        gateway.Time.Advance(TimeSpan.FromSeconds(1) + IdentifyBudget.Margin);
        var (_, identify) = await gateway.ConnectAsync();

        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        Assert.Equal(2, gateway.Api.GatewayCalls);
    }

    [Fact]
    public async Task A_restarted_bot_with_little_budget_left_spreads_its_identifies_until_the_reset()
    {
        await using var gateway = new GatewayHarness(jitter: 0);
        gateway.Api.Info = Budget(50, TimeSpan.FromHours(10));
        gateway.Start();

        await gateway.Logs.WaitForAsync("more IDENTIFY");
        gateway.Time.Advance(TimeSpan.FromMinutes(11));
        await Task.Delay(50);
        Assert.Equal(0, gateway.Connections.Count);
        gateway.Time.Advance(TimeSpan.FromMinutes(1));

        await gateway.ConnectAsync();
    }
}
