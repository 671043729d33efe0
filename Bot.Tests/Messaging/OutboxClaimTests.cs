using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Messaging;

/// <summary>
/// Outbox rows are claimed before they are sent, so that instances sharing a database never send the same row at once,
/// and a dead instance's rows are not stranded. Here two stores stand for two instances; the worker is stopped.
/// </summary>
public sealed class OutboxClaimTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private OutboxStore _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(Monday);
        await _h.Get<OutboxWorker>().StopAsync(CancellationToken.None);
        (_a, _b) = (Store("instance-a"), Store("instance-b"));
        await SeenAsync("instance-a");
        await SeenAsync("instance-b");
        await _h.Get<Outbox>().EnqueueAsync(Enumerable.Range(0, 3)
            .Select(i => Letter.InChannel($"test:{i}", "test", HomeChannel, MessageSpec.Text($"message {i}"))));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private DateTimeOffset Now => _h.Time.GetUtcNow();

    private OutboxStore Store(string id) => new(_h.Connections, new InstanceIdentity(id));

    private async Task SeenAsync(string id)
    {
        await using var connection = await _h.Connections.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO instances (id, started_at, seen_at) VALUES (@id, @now, @now)", new { id, now = Now });
    }

    [Fact]
    public async Task Rows_one_instance_claimed_are_left_to_it_until_its_claim_runs_out()
    {
        Assert.Equal(3, (await _a.ClaimDueAsync(Now, 50, default)).Count);

        Assert.Empty(await _b.ClaimDueAsync(Now, 50, default));
        Assert.Empty(await _b.ClaimDueAsync(Now + OutboxStore.ClaimFor - TimeSpan.FromSeconds(1), 50, default));
        Assert.Equal(3, (await _b.ClaimDueAsync(Now + OutboxStore.ClaimFor + TimeSpan.FromSeconds(1), 50, default)).Count);
    }

    [Fact]
    public async Task Two_instances_claiming_together_share_the_rows_without_overlap()
    {
        var claims = await Task.WhenAll(_a.ClaimDueAsync(Now, 2, default), _b.ClaimDueAsync(Now, 2, default));

        var ids = claims.SelectMany(c => c.Select(r => r.Id)).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Rows_claimed_by_an_instance_that_is_gone_are_claimed_at_once()
    {
        Assert.Equal(3, (await _a.ClaimDueAsync(Now, 50, default)).Count);
        await using (var connection = await _h.Connections.OpenAsync())
            await connection.ExecuteAsync("DELETE FROM instances WHERE id = 'instance-a'"); // stopped, or dead for a minute

        Assert.Equal(3, (await _b.ClaimDueAsync(Now, 50, default)).Count);
    }

    [Fact]
    public async Task An_instance_claims_again_the_rows_it_failed_to_finish()
    {
        Assert.Equal(3, (await _a.ClaimDueAsync(Now, 50, default)).Count);

        Assert.Equal(3, (await _a.ClaimDueAsync(Now, 50, default)).Count);
    }

    [Fact]
    public async Task A_row_put_back_for_later_is_free_for_any_instance_when_it_is_due_again()
    {
        var row = (await _a.ClaimDueAsync(Now, 1, default)).Single();
        await _a.RetryLaterAsync(row, Now + TimeSpan.FromSeconds(5), "outage");

        Assert.DoesNotContain(await _b.ClaimDueAsync(Now, 50, default), r => r.Id == row.Id);
        Assert.Contains(await _b.ClaimDueAsync(Now + TimeSpan.FromSeconds(6), 50, default), r => r.Id == row.Id);
    }
}
