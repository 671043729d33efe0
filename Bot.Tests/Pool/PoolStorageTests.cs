using CrossCoaching.Discord;
using CrossCoaching.Pool;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Pool;

public sealed class PoolStorageTests : IAsyncLifetime
{
    private static readonly Snowflake Guild = new(1);
    private static readonly Snowflake Ana = new(10), Leo = new(11), Mia = new(12);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private PoolEntryRepository _entries = null!;
    private PoolProposalRepository _proposals = null!;
    private PoolMatching _matching = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.MigratedAsync();
        _entries = new PoolEntryRepository(_db.Connections);
        _proposals = new PoolProposalRepository(_db.Connections);
        _matching = new PoolMatching(_entries, new PoolExclusionRepository(_db.Connections), _proposals, _time);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    private Task JoinAsync(Snowflake user, string zone = "Europe/Paris", string windows = "mon 18:00-20:00;thu 07:30-08:30", int minutesAgo = 0, bool someoneNew = false)
    {
        var at = _time.GetUtcNow().AddMinutes(-minutesAgo);
        return _entries.JoinAsync(new PoolEntry(Guild, user, $"user {user}", zone, PoolLanguages.Both, PoolWindowText.Parse(windows), someoneNew, at, at, at.AddDays(30), false));
    }

    private static readonly TimeSpan Session = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task An_entry_reads_back_with_its_windows_and_a_change_keeps_its_place_in_line_and_renews_it()
    {
        await JoinAsync(Ana, windows: "sun 23:00-01:00;thu 07:30-08:30", minutesAgo: 60);
        _time.Advance(TimeSpan.FromDays(2));
        await JoinAsync(Ana, zone: "America/Montreal", windows: "tue 12:00-13:00");

        var entry = await _entries.GetAsync(Guild, Ana);

        Assert.NotNull(entry);
        Assert.Equal("America/Montreal", entry.TimeZone);
        Assert.Equal([new PoolWindow(DayOfWeek.Tuesday, new TimeOnly(12, 0), new TimeOnly(13, 0))], entry.Windows);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 8, 0, 0, TimeSpan.Zero), entry.WaitingSince);
        Assert.Equal(_time.GetUtcNow().AddDays(30), entry.ExpiresAt);
        Assert.Equal("sun 23:00-01:00;thu 07:30-08:30", PoolWindowText.Format(PoolWindowText.Parse("sun 23:00-01:00;thu 07:30-08:30")));
    }

    [Fact]
    public async Task A_run_proposes_compatible_waiting_members_once_and_not_again_while_the_proposal_is_pending()
    {
        await JoinAsync(Ana);
        await JoinAsync(Leo, zone: "Europe/London", windows: "thu 06:00-07:00");

        var proposal = Assert.Single(await _matching.RunAsync(Guild, Session));

        // Thursday 15 January, 07:30 in Paris (06:30 UTC, in London's window).
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 6, 30, 0, TimeSpan.Zero), proposal.Slot);
        Assert.Equal(_time.GetUtcNow().AddHours(48), proposal.ExpiresAt);
        Assert.Empty(await _matching.RunAsync(Guild, Session));
        Assert.Empty(await _entries.WaitingAsync(Guild, _time.GetUtcNow()));
    }

    [Fact]
    public async Task Both_accepting_takes_both_out_of_the_pool_and_only_the_second_answer_completes_it()
    {
        await JoinAsync(Ana);
        await JoinAsync(Leo);
        var proposal = Assert.Single(await _matching.RunAsync(Guild, Session));

        var first = await _proposals.AnswerAsync(proposal.Id, Leo, accept: true, _time.GetUtcNow());
        var stranger = await _proposals.AnswerAsync(proposal.Id, Mia, accept: true, _time.GetUtcNow());
        var second = await _proposals.AnswerAsync(proposal.Id, Ana, accept: true, _time.GetUtcNow());
        var late = await _proposals.AnswerAsync(proposal.Id, Ana, accept: false, _time.GetUtcNow());

        Assert.Equal(PoolAnswerOutcome.WaitingForOther, first.Outcome);
        Assert.Equal(PoolAnswerOutcome.NotPending, stranger.Outcome);
        Assert.Equal(PoolAnswerOutcome.BothAccepted, second.Outcome);
        Assert.Equal(PoolAnswerOutcome.NotPending, late.Outcome);
        Assert.Null(await _entries.GetAsync(Guild, Ana));
        Assert.Null(await _entries.GetAsync(Guild, Leo));
        Assert.Equal(new PoolStats(0, 0, 1, 0, 0), await _proposals.StatsAsync(Guild, _time.GetUtcNow()));
    }

    [Fact]
    public async Task A_decline_puts_the_other_first_in_line_and_the_two_are_never_proposed_again()
    {
        await JoinAsync(Ana, minutesAgo: 30);
        await JoinAsync(Leo, minutesAgo: 20);
        var proposal = Assert.Single(await _matching.RunAsync(Guild, Session));
        await JoinAsync(Mia, minutesAgo: 0);

        var (outcome, _) = await _proposals.AnswerAsync(proposal.Id, Ana, accept: false, _time.GetUtcNow());

        Assert.Equal(PoolAnswerOutcome.Declined, outcome);
        var leo = await _entries.GetAsync(Guild, Leo);
        var ana = await _entries.GetAsync(Guild, Ana);
        Assert.True(leo!.WaitingSince < ana!.WaitingSince, "the one declined goes before everyone waiting");
        var next = Assert.Single(await _matching.RunAsync(Guild, Session));
        Assert.Equal((Leo, Mia), (next.MemberA, next.MemberB));
        Assert.Equal(new PoolStats(3, 1, 0, 1, 0), await _proposals.StatsAsync(Guild, _time.GetUtcNow()));
    }

    [Fact]
    public async Task An_unanswered_proposal_expires_after_48_hours_the_silent_one_leaves_and_the_one_who_accepted_is_matched_again()
    {
        await JoinAsync(Ana);
        await JoinAsync(Leo);
        var proposal = Assert.Single(await _matching.RunAsync(Guild, Session));
        await _proposals.AnswerAsync(proposal.Id, Ana, accept: true, _time.GetUtcNow());
        await JoinAsync(Mia);

        _time.Advance(TimeSpan.FromHours(47));
        Assert.Empty(await _proposals.ExpireAsync(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromHours(1));
        var expired = Assert.Single(await _proposals.ExpireAsync(_time.GetUtcNow()));

        Assert.Equal(PoolProposalStatus.Expired, expired.Status);
        Assert.Null(await _entries.GetAsync(Guild, Leo));
        var next = Assert.Single(await _matching.RunAsync(Guild, Session));
        Assert.Equal((Ana, Mia), (next.MemberA, next.MemberB));
    }

    [Fact]
    public async Task Blocks_former_partners_for_someone_new_and_current_pairs_keep_members_out_of_proposals()
    {
        await JoinAsync(Ana, someoneNew: true);
        await JoinAsync(Leo);
        await JoinAsync(Mia);
        await using (var connection = await _db.Connections.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO pairs (id, guild_id, member_a_id, member_b_id, status, round_started_at, created_at) VALUES (1, 1, 10, 11, 'ended', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
                INSERT INTO pairs (id, guild_id, member_a_id, member_b_id, status, round_started_at, created_at) VALUES (2, 1, 12, 99, 'active', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
                INSERT INTO pair_members (guild_id, user_id, pair_id, display_name) VALUES (1, 12, 2, 'Mia'), (1, 99, 2, 'Zoe');
                """);
        }

        Assert.Empty(await _matching.RunAsync(Guild, Session));

        await _entries.JoinAsync((await _entries.GetAsync(Guild, Ana))! with { SomeoneNew = false });
        await _entries.BlockAsync(Guild, Leo, Ana, _time.GetUtcNow());
        Assert.Empty(await _matching.RunAsync(Guild, Session));

        Assert.True(await _entries.UnblockAsync(Guild, Leo, Ana));
        Assert.Single(await _matching.RunAsync(Guild, Session));
    }

    [Fact]
    public async Task An_entry_is_reminded_once_in_the_days_before_it_expires_and_then_removed()
    {
        await JoinAsync(Ana);
        var lead = TimeSpan.FromDays(3);

        Assert.Empty(await _entries.ReminderDueAsync(_time.GetUtcNow(), lead));
        _time.Advance(TimeSpan.FromDays(27));
        Assert.Equal(Ana, Assert.Single(await _entries.ReminderDueAsync(_time.GetUtcNow(), lead)).UserId);
        Assert.True(await _entries.MarkRemindedAsync(Guild, Ana));
        Assert.False(await _entries.MarkRemindedAsync(Guild, Ana));
        Assert.Empty(await _entries.ReminderDueAsync(_time.GetUtcNow(), lead));
        Assert.Empty(await _entries.RemoveExpiredAsync(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(Ana, Assert.Single(await _entries.RemoveExpiredAsync(_time.GetUtcNow())).UserId);
        Assert.Null(await _entries.GetAsync(Guild, Ana));
    }
}
