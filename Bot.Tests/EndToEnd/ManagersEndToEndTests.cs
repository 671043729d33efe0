using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Issue 12's managers: <c>/coaching pairs</c> against the emulator, and the welcome when the bot joins a server.</summary>
public sealed class ManagersEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_manager_lists_the_pairs_pages_to_the_next_ends_one_after_confirming_and_both_partners_are_told()
    {
        await using var w = await CoachingWorld.StartAsync();
        // Five pairs formed before Alice and Bob's fill the first page.
        var pairs = w.Bot.Get<PairRepository>();
        await using (var work = await DbWork.BeginAsync(w.Bot.Get<SqliteConnectionFactory>()))
        {
            for (var i = 0; i < 5; i++)
                await pairs.CreateAsync(work, w.Guild.Id, (new Snowflake((ulong)(9000 + 2 * i)), $"Filler{2 * i}"), (new Snowflake((ulong)(9001 + 2 * i)), $"Filler{2 * i + 1}"),
                    null, w.Time.GetUtcNow());
            await work.CommitAsync();
        }

        await w.PairAliceAndBobAsync();
        var pair = await w.PairAsync();

        var list = await w.SendAsync(w.Owner, "coaching", "pairs");
        var first = await list.SeenAsync();
        Assert.True((await list.WaitForCallbackAsync()).Ephemeral);
        Assert.True(first.Shows("— 1–5 of 6"));
        Assert.False(first.Shows("**Alice**"));

        var second = await (await w.PressAsync(first, "mpairs:next:", w.Owner)).SeenAsync();
        Assert.True(second.Shows("— 6–6 of 6"));
        Assert.True(second.Shows("1. **Alice** & **Bob** — no session yet · streak 0"));

        var confirm = await (await w.PressAsync(second, $"mpairs:end:{w.Owner.Id}:{pair.Id}:", w.Owner)).SeenAsync();
        Assert.True(confirm.Shows("End the pair of **Alice** and **Bob**?"));
        var done = await (await w.PressAsync(confirm, "mpairs:confirm:", w.Owner)).SeenAsync();

        Assert.True(done.Shows("Ended the pair of **Alice** and **Bob**"));
        Assert.True(done.Shows("— 1–5 of 5")); // the page it came from is gone: the last page there is
        Assert.Equal(PairStatus.Ended, (await pairs.GetAsync(pair.Id))!.Status);
        await w.Discord.WaitUntilAsync(d => Told(d, w.Alice) == 1 && Told(d, w.Bob) == 1, Wait, "both partners told");
        Assert.Contains(w.Discord.DirectMessagesTo(w.Alice.Id), m => m.Content.Contains("ended your pair with **Bob**", StringComparison.Ordinal));
        Assert.Contains(w.Discord.DirectMessagesTo(w.Bob.Id), m => m.Content.Contains("ended your pair with **Alice**", StringComparison.Ordinal));
    }

    private static int Told(DiscordEmulator d, EmulatedUser user) =>
        d.DirectMessagesTo(user.Id).Count(m => m.Content.Contains("A manager of **Coaching** ended your pair", StringComparison.Ordinal));

    [Fact]
    public async Task Joining_a_server_welcomes_it_once_and_a_reconnect_or_an_outage_does_not_welcome_it_again()
    {
        await using var w = await CoachingWorld.StartAsync();
        var (owner2, owner3) = (w.Discord.AddUser("owner2", globalName: "Owner 2"), w.Discord.AddUser("owner3", globalName: "Owner 3"));

        var second = w.Discord.AddGuild("Second", owner2);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(owner2.Id).Count == 1, Wait, "the welcome to the new server's owner");
        var welcome = w.Discord.DirectMessagesTo(owner2.Id).Single().Content;
        Assert.Contains("**Second**", welcome, StringComparison.Ordinal);
        Assert.Contains("coaching setup", welcome, StringComparison.Ordinal);

        // A new gateway session (READY lists both servers, each then comes with its GUILD_CREATE), and an outage.
        w.Discord.InvalidateSession(resumable: false);
        await w.Discord.WaitForReadyAsync(2, Wait);
        w.Discord.SetGuildAvailable(second.Id, false);
        w.Discord.SetGuildAvailable(second.Id, true);
        // Gateway events are handled in order: once a third server's welcome is out, the events before it were handled.
        w.Discord.AddGuild("Third", owner3);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(owner3.Id).Count == 1, Wait, "the welcome to the third server's owner");

        Assert.Single(w.Discord.DirectMessagesTo(owner2.Id));
        Assert.Empty(w.Discord.DirectMessagesTo(w.Owner.Id)); // the server the bot was in from the start is never welcomed
    }
}
