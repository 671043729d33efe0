using CrossCoaching.Pairs;

namespace CrossCoaching.Tests.Pairs;

public sealed class PairOptionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(48)]
    [InlineData(720)]
    public void An_invitation_lifetime_from_1_to_720_hours_is_accepted(int hours) =>
        Assert.True(new PairOptionsValidator().Validate(null, new PairOptions { InvitationHours = hours }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(721)]
    public void An_invitation_lifetime_out_of_range_is_refused_by_its_key_and_range(int hours)
    {
        var failure = Assert.Single(new PairOptionsValidator().Validate(null, new PairOptions { InvitationHours = hours }).Failures!);

        Assert.Contains($"Pairs__InvitationHours is {hours}", failure, StringComparison.Ordinal);
        Assert.Contains("hours from 1 to 720", failure, StringComparison.Ordinal);
    }
}
