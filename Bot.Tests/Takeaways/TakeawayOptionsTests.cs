using CrossCoaching.Hosting;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Takeaways;

public sealed class TakeawayOptionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(4000)]
    public void A_limit_from_1_to_4000_is_accepted(int limit) =>
        Assert.True(new TakeawayOptionsValidator().Validate(null, new TakeawayOptions { MaxLength = limit }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(4001)]
    public void A_limit_out_of_range_is_refused_by_its_key_and_range(int limit)
    {
        var failure = Assert.Single(new TakeawayOptionsValidator().Validate(null, new TakeawayOptions { MaxLength = limit }).Failures!);

        Assert.Contains($"Takeaways__MaxLength is {limit}", failure, StringComparison.Ordinal);
        Assert.Contains("from 1 to 4000", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_refuses_to_start_with_a_limit_out_of_range()
    {
        using var folder = new TempFolder();
        using var host = TestHostBuilder.Create(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "t",
            ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("db", "bot.db")}",
            ["Takeaways:MaxLength"] = "5000",
        }).Build();

        var problem = await BotRunner.PrepareAsync(host);

        Assert.NotNull(problem);
        Assert.Contains("Takeaways__MaxLength is 5000", problem, StringComparison.Ordinal);
    }
}
