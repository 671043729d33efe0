using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Messaging;

/// <summary>Edits of one message through the outbox: one row per message, the newest content last.</summary>
public sealed class OutboxEditTests : IAsyncLifetime
{
    private static readonly Snowflake Channel = new(4242), Target = new(4343);
    private FeatureHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(Monday);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static Letter Version(string text) => Letter.EditOf("test:post", "test-edit", Channel, Target, MessageSpec.Text(text));

    private IReadOnlyList<string?> Edits() =>
        [.. _h.Api.MessagesEdited.Select(e => e.Edit.Content)];

    [Fact]
    public async Task Two_edits_owed_before_the_worker_runs_send_only_the_newest()
    {
        await _h.Get<Outbox>().EnqueueAsync([Version("v1"), Version("v2")]);
        await _h.DrainAsync();

        Assert.Equal(["v2"], Edits());
    }

    [Fact]
    public async Task An_edit_owed_while_an_older_one_is_being_sent_is_sent_after_it_not_lost()
    {
        var outbox = _h.Get<Outbox>();
        var first = true;
        _h.Api.On(nameof(IDiscordApi.EditMessageAsync), a =>
        {
            if (first)
            {
                first = false;
                outbox.EnqueueAsync(Version("v2")).GetAwaiter().GetResult(); // a newer change, while v1 is on its way
            }
            return new Message((Snowflake)a[1]!, (Snowflake)a[0]!);
        });

        await outbox.EnqueueAsync(Version("v1"));
        await _h.DrainAsync();
        await _h.DrainAsync();

        Assert.Equal(["v1", "v2"], Edits());
    }

    [Fact]
    public async Task An_edit_already_sent_is_not_sent_again_for_the_same_content()
    {
        await _h.Get<Outbox>().EnqueueAsync(Version("v1"));
        await _h.DrainAsync();
        await _h.Get<Outbox>().EnqueueAsync(Version("v1"));
        await _h.DrainAsync();

        Assert.Equal(["v1"], Edits());
    }
}
