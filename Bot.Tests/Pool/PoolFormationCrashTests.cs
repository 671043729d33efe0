using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Quartz;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Pool.PoolWorld;

namespace CrossCoaching.Tests.Pool;

/// <summary>
/// Forming a pair from a proposal, crashed at every step (a statement refused by the database, the first session's
/// planning or its triggers lost) and then restarted: the reconciler runs and the member presses Accept again, as
/// they would after an error. Whatever the step, the end is the same: one pair, its ritual set, each partner told
/// once, the first session planned and armed.
/// </summary>
public sealed class PoolFormationCrashTests
{
    private static readonly DateTimeOffset Slot = new(2026, 11, 2, 17, 0, 0, TimeSpan.Zero);

    public enum Phase
    {
        /// <summary>The first acceptance's transaction.</summary>
        FirstAccept,

        /// <summary>The second acceptance's transaction, which forms the pair.</summary>
        SecondAccept,

        /// <summary>After that commit: planning the first session.</summary>
        AfterCommit,
    }

    public static TheoryData<Phase, string, string> Crashes => new()
    {
        { Phase.FirstAccept, "pool_proposals", "UPDATE" },
        { Phase.SecondAccept, "pool_proposals", "UPDATE" },
        { Phase.SecondAccept, "pairs", "INSERT" },
        { Phase.SecondAccept, "pair_members", "INSERT" },
        { Phase.SecondAccept, "invitations", "UPDATE" },
        { Phase.SecondAccept, "rituals", "INSERT" },
        { Phase.SecondAccept, "outbox", "INSERT" },
        { Phase.SecondAccept, "pool_entries", "DELETE" },
        { Phase.AfterCommit, "sessions", "INSERT" },
        { Phase.AfterCommit, "session_steps", "INSERT" },
        { Phase.AfterCommit, "quartz", "triggers lost" },
    };

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task A_crash_at_any_step_of_forming_a_pair_ends_after_a_restart_with_one_pair_its_ritual_both_told_once_and_the_first_session_armed(
        Phase phase, string table, string operation)
    {
        await using var w = await PoolWorld.StartAsync();
        var connections = w.H.Get<SqliteConnectionFactory>();
        // Alice's pending invitation to Carol is withdrawn by forming the pair: that step can crash too.
        var invitation = await w.H.Get<InvitationRepository>().CreateAsync(Guild, HomeChannel, Alice, "Alice", CarolUser.Id, Monday, Monday.AddHours(24));
        await w.JoinAsync(AliceUser);
        await w.JoinAsync(BobUser);
        var proposal = (await w.PendingAsync(AliceUser))!;

        async Task<bool> CrashingAsync(Phase at, Func<Task> press)
        {
            if (phase != at || table == "quartz")
            {
                await press();
                return false;
            }

            await using var fault = await InjectedFault.OnAsync(connections, table, operation);
            try
            {
                await press();
                return false;
            }
            catch (Exception e) when (e.Message.Contains("injected fault", StringComparison.Ordinal))
            {
                return true;
            }
        }

        var crashed = await CrashingAsync(Phase.FirstAccept, () => w.AnswerAsync(AliceUser, proposal, accept: true));
        if (crashed)
            await w.AnswerAsync(AliceUser, proposal, accept: true);
        crashed |= await CrashingAsync(phase == Phase.AfterCommit ? Phase.AfterCommit : Phase.SecondAccept, () => w.AnswerAsync(BobUser, proposal, accept: true));
        if (table == "quartz")
        {
            await (await w.H.Get<ISchedulerFactory>().GetScheduler()).Clear();
            crashed = true;
        }

        Assert.True(crashed || phase == Phase.AfterCommit, "the fault did not fire");
        if (phase == Phase.AfterCommit && table != "quartz")
            Assert.Contains(w.H.Logs.Lines, l => l.Contains("Could not plan the first session", StringComparison.Ordinal));

        // The restart: the reconciler's pass, then Bob presses Accept again (a no-op once the pair exists).
        await w.H.Get<Reconciler>().RunOnceAsync();
        await w.AnswerAsync(BobUser, proposal, accept: true);
        await w.H.Get<Reconciler>().RunOnceAsync();

        var pair = Assert.Single(await w.H.Get<PairRepository>().ListInGuildAsync(Guild));
        Assert.True(pair.Has(Alice) && pair.Has(Bob));
        var ritual = await w.H.Get<RitualRepository>().GetAsync(pair.Id);
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(18, 0), "Europe/Paris"), (ritual!.Rule.Day, ritual.Rule.LocalTime, ritual.Rule.TimeZoneId));
        Assert.Single(await w.DmsAsync(AliceUser), m => m.Content!.Contains("You and **Bob** are now partners", StringComparison.Ordinal));
        Assert.Single(await w.DmsAsync(BobUser), m => m.Content!.Contains("You and **Alice** are now partners", StringComparison.Ordinal));
        Assert.Equal(InvitationStatus.Cancelled, (await w.H.Get<InvitationRepository>().GetAsync(invitation!.Id))!.Status);
        Assert.Null(await w.H.Get<PoolEntryRepository>().GetAsync(Guild, Alice));
        Assert.Null(await w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob));
        var session = Assert.Single(await w.H.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id));
        Assert.Equal(Slot, session.SlotAt);

        // Its steps are armed once the scheduler's horizon reaches them.
        w.H.Time.SetUtcNow(Slot.AddMinutes(-90));
        await w.H.Get<Reconciler>().RunOnceAsync();
        Assert.True(await w.H.Get<SessionScheduler>().IsArmedAsync(session.Id, SessionStep.Open));
    }

    [Fact]
    public async Task Both_members_accepting_at_the_same_instant_form_one_pair_and_each_is_told_once()
    {
        await using var w = await PoolWorld.StartAsync();
        await w.JoinAsync(AliceUser);
        await w.JoinAsync(BobUser);
        var proposal = (await w.PendingAsync(AliceUser))!;

        await Task.WhenAll(
            Task.Run(() => w.AnswerAsync(AliceUser, proposal, accept: true)),
            Task.Run(() => w.AnswerAsync(BobUser, proposal, accept: true)));

        var pair = Assert.Single(await w.H.Get<PairRepository>().ListInGuildAsync(Guild));
        Assert.True(pair.Has(Alice) && pair.Has(Bob));
        Assert.NotNull(await w.H.Get<RitualRepository>().GetAsync(pair.Id));
        Assert.Single(await w.DmsAsync(AliceUser), m => m.Content!.Contains("are now partners", StringComparison.Ordinal));
        Assert.Single(await w.DmsAsync(BobUser), m => m.Content!.Contains("are now partners", StringComparison.Ordinal));
        Assert.Single(await w.H.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id));
    }
}
