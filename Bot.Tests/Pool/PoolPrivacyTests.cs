using System.Text;
using System.Text.Json;
using CrossCoaching.Pool;
using CrossCoaching.Pool.Matching;
using CrossCoaching.Tests.Takeaways;
using Dapper;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Pool;

/// <summary>/me export and /me forget cover the member's pool entry, their blocks, proposals and declines.</summary>
public sealed class PoolPrivacyTests : IAsyncLifetime
{
    private FeatureHarness _world = null!;

    public async Task InitializeAsync()
    {
        _world = await FeatureHarness.StartWithTrailAsync();
        var entries = new PoolEntryRepository(_world.Connections);
        foreach (var user in new[] { Bob, Carol })
        {
            await entries.JoinAsync(new PoolEntry(Guild, user, "name", "Europe/Paris", PoolLanguages.French,
                PoolWindowText.Parse("mon 18:00-20:00"), user == Bob, Monday, Monday, Monday.AddDays(30), false));
        }

        await entries.BlockAsync(Guild, Bob, Alice, Monday);
        await entries.BlockAsync(Guild, Carol, Bob, Monday);
        var proposals = new PoolProposalRepository(_world.Connections);
        var proposal = Assert.Single(await proposals.ProposeAsync(Guild, [new PoolMatch(Bob.Value, Carol.Value, Monday.AddDays(1), TimeSpan.FromHours(2))], Monday, Monday.AddDays(2)));
        await proposals.AnswerAsync(proposal.Id, Bob, accept: false, Monday);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Export_holds_the_members_entry_their_own_blocks_proposals_and_declines_but_not_who_blocked_them()
    {
        await _world.RunAsync(_world.Command(Bob, "me", "export"));

        var files = _world.LastCallback.Message!.Files!;
        using var json = JsonDocument.Parse(files.Single(f => f.FileName.EndsWith(".json", StringComparison.Ordinal)).Content.ToArray());
        var pool = json.RootElement.GetProperty("pool");
        Assert.Equal(("mon 18:00-20:00", "fr", true),
            (pool.GetProperty("entry").GetProperty("windows").GetString(), pool.GetProperty("entry").GetProperty("languages").GetString(),
             pool.GetProperty("entry").GetProperty("someone_new").GetBoolean()));
        Assert.Equal([Alice.ToString()], pool.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("blocked_member_id").GetString()));
        var proposal = Assert.Single(pool.GetProperty("proposals").EnumerateArray());
        Assert.Equal((Carol.ToString(), "declined", "declined"),
            (proposal.GetProperty("other_member_id").GetString(), proposal.GetProperty("status").GetString(), proposal.GetProperty("your_answer").GetString()));
        Assert.Single(pool.GetProperty("declines").EnumerateArray());
        var markdown = Encoding.UTF8.GetString(files.Single(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)).Content);
        Assert.Contains("## Matching pool", markdown, StringComparison.Ordinal);
        Assert.Contains($"- You blocked member {Alice}", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Carol} (", markdown.Split("## Matching pool")[1].Split('\n').First(l => l.Contains("blocked", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_removes_the_members_pool_data_and_keeps_a_block_set_against_them()
    {
        await _world.RunAsync(_world.Button(Bob, $"me:forget:{Bob}"));

        await using var db = await _world.Connections.OpenAsync();
        Assert.Equal([Carol.Value], (await db.QueryAsync<long>("SELECT user_id FROM pool_entries")).Select(v => (ulong)v));
        Assert.Equal([(Carol.Value, Bob.Value)], (await db.QueryAsync<(long, long)>("SELECT blocker_id, blocked_id FROM pool_blocks")).Select(b => ((ulong)b.Item1, (ulong)b.Item2)));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM pool_proposals"));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM pool_declines"));
    }
}
