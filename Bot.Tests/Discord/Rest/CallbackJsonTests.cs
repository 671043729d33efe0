using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class CallbackJsonTests : IDisposable
{
    private const string Token = RestHarness.InteractionToken;
    private static readonly Snowflake Interaction = new(777);
    private static readonly Snowflake App = new(100);
    private readonly RestHarness _rest = new();

    public CallbackJsonTests() =>
        _rest.Discord.On("POST", $"interactions/777/{Token}/callback", _ => Reply.NoContent());

    public void Dispose() => _rest.Dispose();

    private Task SendAsync(InteractionCallback callback) =>
        _rest.Client.CreateInteractionResponseAsync(Interaction, Token, callback);

    [Fact]
    public async Task An_ephemeral_reply_carries_flag_64()
    {
        await SendAsync(InteractionCallback.Reply(MessageSpec.Text("Only you"), ephemeral: true));

        JsonAssert.Equal(
            """{"type":4,"data":{"content":"Only you","allowed_mentions":{"parse":[],"users":[]},"flags":64}}""",
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task A_public_reply_carries_no_flags()
    {
        await SendAsync(InteractionCallback.Reply(MessageSpec.Text("Everyone"), ephemeral: false));

        JsonAssert.Equal("""{"type":4,"data":{"content":"Everyone","allowed_mentions":{"parse":[],"users":[]}}}""", _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task An_ephemeral_deferral_carries_only_flag_64()
    {
        await SendAsync(InteractionCallback.Defer(ephemeral: true));

        JsonAssert.Equal("""{"type":5,"data":{"flags":64}}""", _rest.Discord.Last().Json);
    }

    [Theory]
    [InlineData(InteractionCallbackType.DeferredChannelMessageWithSource, """{"type":5}""")]
    [InlineData(InteractionCallbackType.DeferredUpdateMessage, """{"type":6}""")]
    [InlineData(InteractionCallbackType.Pong, """{"type":1}""")]
    public async Task Callbacks_without_data_send_only_their_type(InteractionCallbackType type, string expected)
    {
        await SendAsync(new InteractionCallback(type));

        JsonAssert.Equal(expected, _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task An_update_replaces_the_message_and_drops_its_buttons()
    {
        await SendAsync(InteractionCallback.Update(MessageSpec.Text("Taken")));

        JsonAssert.Equal(
            """{"type":7,"data":{"content":"Taken","allowed_mentions":{"parse":[],"users":[]},"components":[],"embeds":[]}}""",
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task Autocomplete_sends_at_most_25_choices()
    {
        var choices = Enumerable.Range(1, 30).Select(i => new AutocompleteChoice($"Pair {i}", $"p{i}")).ToList();

        await SendAsync(InteractionCallback.Autocomplete(choices));

        var json = _rest.Discord.Last().Json;
        Assert.Equal(8, (int)json["type"]!);
        var sent = json["data"]!["choices"]!.AsArray();
        Assert.Equal(25, sent.Count);
        JsonAssert.Equal("""{"name":"Pair 1","value":"p1"}""", sent[0]!);
        JsonAssert.Equal("""{"name":"Pair 25","value":"p25"}""", sent[24]!);
    }

    [Fact]
    public async Task A_modal_wraps_each_text_input_in_a_label()
    {
        var modal = new Modal("takeaway:42", "Your takeaway",
        [
            new TextInput("lesson", "What did you learn?", TextInputStyle.Paragraph, MinLength: 10, MaxLength: 1000, Placeholder: "One thing…"),
            new TextInput("mood", "Mood", TextInputStyle.Short, Required: false, Value: "good"),
        ]);

        await SendAsync(InteractionCallback.ShowModal(modal));

        JsonAssert.Equal(
            """
            {"type":9,"data":{"custom_id":"takeaway:42","title":"Your takeaway","components":[
              {"type":18,"label":"What did you learn?","component":
                {"type":4,"style":2,"custom_id":"lesson","min_length":10,"max_length":1000,"required":true,"placeholder":"One thing…"}},
              {"type":18,"label":"Mood","component":
                {"type":4,"style":1,"custom_id":"mood","required":false,"value":"good"}}]}}
            """,
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task An_ephemeral_followup_carries_flag_64()
    {
        _rest.Discord.On("POST", $"webhooks/100/{Token}", _ => Reply.Message("901", "500"));

        var message = await _rest.Client.CreateFollowupAsync(App, Token, MessageSpec.Text("Psst"), ephemeral: true);

        JsonAssert.Equal("""{"content":"Psst","allowed_mentions":{"parse":[],"users":[]},"flags":64}""", _rest.Discord.Last().Json);
        Assert.Equal(new Snowflake(901), message.Id);
    }

    [Fact]
    public async Task Editing_the_original_response_sends_the_whole_message()
    {
        _rest.Discord.On("PATCH", $"webhooks/100/{Token}/messages/@original", _ => Reply.Message("902", "500"));

        var message = await _rest.Client.EditOriginalResponseAsync(App, Token, MessageSpec.Text("Done"));

        JsonAssert.Equal(
            """{"content":"Done","allowed_mentions":{"parse":[],"users":[]},"components":[],"embeds":[]}""",
            _rest.Discord.Last().Json);
        Assert.Equal(new Snowflake(902), message.Id);
    }
}
