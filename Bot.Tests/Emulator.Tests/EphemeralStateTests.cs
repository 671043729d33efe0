using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>Whether an interaction's answers are ephemeral is decided once per message, as Discord decides it.</summary>
public sealed class EphemeralStateTests
{
    /// <summary>A command answered with a public deferral (callback type 5 without flags), its loading message showing.</summary>
    private sealed class PublicDeferral : IAsyncDisposable
    {
        private PublicDeferral(DiscordEmulator emulator, TestWorld world, RawRest rest, InteractionHandle interaction) =>
            (Emulator, World, Rest, Interaction) = (emulator, world, rest, interaction);

        public DiscordEmulator Emulator { get; }

        public TestWorld World { get; }

        public RawRest Rest { get; }

        public InteractionHandle Interaction { get; }

        public string Webhook => $"/webhooks/{Emulator.ApplicationId}/{Interaction.Token}";

        public static async Task<PublicDeferral> StartAsync()
        {
            var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions());
            var world = await TestWorld.ConnectedAsync(emulator);
            var rest = new RawRest(emulator, authorized: false);
            var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
            Assert.Equal(204, (await rest.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 5 })).Status);
            Assert.True(interaction.Original!.IsLoading);
            return new PublicDeferral(emulator, world, rest, interaction);
        }

        public async ValueTask DisposeAsync()
        {
            Rest.Dispose();
            await World.Gateway.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }

    private static JsonObject Ephemeral(string content) => new() { ["content"] = content, ["flags"] = 64 };

    [Fact]
    public async Task A_followup_while_a_public_deferral_loads_fills_it_and_stays_public()
    {
        await using var d = await PublicDeferral.StartAsync();
        var (rest, interaction, webhook) = (d.Rest, d.Interaction, d.Webhook);

        var answer = await rest.PostAsync(webhook, Ephemeral("only for you"));

        Assert.Equal(200, answer.Status);
        Assert.Equal(interaction.Original!.Id.ToString(), answer.Body!["id"]!.GetValue<string>());
        Assert.Empty(interaction.Followups);
        Assert.Equal(("only for you", false, false), (interaction.Original.Content, interaction.Original.IsEphemeral, interaction.Original.IsLoading));
    }

    [Fact]
    public async Task An_edit_cannot_make_a_public_response_ephemeral()
    {
        await using var d = await PublicDeferral.StartAsync();
        var (rest, interaction, webhook) = (d.Rest, d.Interaction, d.Webhook);

        var answer = await rest.PatchAsync(webhook + "/messages/@original", Ephemeral("only for you"));

        Assert.Equal(200, answer.Status);
        Assert.False(interaction.Original!.IsEphemeral);
    }

    [Fact]
    public async Task Once_the_public_deferral_is_deleted_an_ephemeral_followup_is_a_new_ephemeral_message()
    {
        await using var d = await PublicDeferral.StartAsync();
        var (rest, interaction, webhook) = (d.Rest, d.Interaction, d.Webhook);

        var deleted = await rest.DeleteAsync(webhook + "/messages/@original");
        var answer = await rest.PostAsync(webhook, Ephemeral("only for you"));
        var again = await rest.PatchAsync(webhook + "/messages/@original", new JsonObject { ["content"] = "too late" });

        Assert.Equal(204, deleted.Status);
        Assert.NotNull(interaction.Original!.DeletedAt);
        Assert.Equal(200, answer.Status);
        var followup = Assert.Single(interaction.Followups);
        Assert.Equal(("only for you", true), (followup.Content, followup.IsEphemeral));
        Assert.Equal((404, 10008), (again.Status, again.Code!.Value));
    }
}
