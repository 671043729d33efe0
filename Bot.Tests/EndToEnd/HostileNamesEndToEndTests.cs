using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

public sealed class HostileNamesEndToEndTests
{
    [Fact]
    public async Task A_nickname_that_is_a_masked_link_is_posted_as_plain_text_in_the_invitation_and_the_now_partners_message()
    {
        await using var w = await CoachingWorld.StartAsync();
        const string nick = "[Claim Nitro](https://nitro.example/claim) @everyone <@&1>";
        w.Discord.UpdateMember(w.Guild.Id, w.Alice.Id, nick: nick);

        await w.PairAliceAndBobAsync();

        var formed = w.Discord.MessagesIn(w.General.Id).Single(m => m.Content.Contains("now partners", StringComparison.Ordinal));
        var live = MarkdownReader.Live(formed.Content);
        Assert.Equal(0, live["masked link"]);
        Assert.Equal(0, live["link"]);
        Assert.Equal(0, live["mention"]);
        Assert.Equal(0, live["mass mention"]);
        Assert.Empty(formed.MentionedUserIds);
        Assert.Contains(nick, MarkdownReader.Visible(formed.Content), StringComparison.Ordinal);
    }
}
