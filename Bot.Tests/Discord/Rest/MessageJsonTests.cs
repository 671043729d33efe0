using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class MessageJsonTests : IDisposable
{
    private static readonly Snowflake Channel = new(500);
    private readonly RestHarness _rest = new();

    public MessageJsonTests()
    {
        _rest.Discord.On("POST", "channels/500/messages", _ => Reply.Message("900", "500"));
        _rest.Discord.On("PATCH", "channels/500/messages/900", _ => Reply.Message("900", "500"));
    }

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task A_plain_message_states_that_it_pings_nobody()
    {
        var message = await _rest.Client.CreateMessageAsync(Channel, MessageSpec.Text("Hello"));

        JsonAssert.Equal("""{"content":"Hello","allowed_mentions":{"parse":[],"users":[]}}""", _rest.Discord.Last().Json);
        Assert.Equal(new Message(new Snowflake(900), Channel), message);
    }

    [Fact]
    public async Task Users_allowed_to_be_pinged_are_listed_as_string_ids()
    {
        var spec = new MessageSpec("<@1234567890123456789> it is time", AllowedMentions.Only(new Snowflake(1234567890123456789)));

        await _rest.Client.CreateMessageAsync(Channel, spec);

        JsonAssert.Equal(
            """{"content":"<@1234567890123456789> it is time","allowed_mentions":{"parse":[],"users":["1234567890123456789"]}}""",
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task Buttons_are_sent_in_action_rows()
    {
        var spec = MessageSpec.Text("Ready?") with
        {
            Components =
            [
                ActionRow.Of(
                    new Button(ButtonStyle.Success, "Join", "session:42:join"),
                    new Button(ButtonStyle.Danger, "Leave", "session:42:leave", Disabled: true)),
            ],
        };

        await _rest.Client.CreateMessageAsync(Channel, spec);

        JsonAssert.Equal(
            """
            {"content":"Ready?","allowed_mentions":{"parse":[],"users":[]},
             "components":[{"type":1,"components":[
               {"type":2,"style":3,"label":"Join","custom_id":"session:42:join","disabled":false},
               {"type":2,"style":4,"label":"Leave","custom_id":"session:42:leave","disabled":true}]}]}
            """,
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task Embeds_carry_fields_a_footer_and_an_iso_timestamp()
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));
        var spec = new MessageSpec(null, AllowedMentions.None, Embeds:
        [
            new Embed("Session", "Pair review", 0x5865F2, [new EmbedField("Coach", "Alice", Inline: true)], "CrossCoaching", at),
        ]);

        await _rest.Client.CreateMessageAsync(Channel, spec);

        JsonAssert.Equal(
            """
            {"allowed_mentions":{"parse":[],"users":[]},
             "embeds":[{"title":"Session","description":"Pair review","color":5793266,
                        "fields":[{"name":"Coach","value":"Alice","inline":true}],
                        "footer":{"text":"CrossCoaching"},"timestamp":"2026-03-02T09:30:00+00:00"}]}
            """,
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task An_edit_removes_the_components_and_embeds_it_leaves_out()
    {
        var message = await _rest.Client.EditMessageAsync(Channel, new Snowflake(900), MessageSpec.Text("Closed"));

        JsonAssert.Equal(
            """{"content":"Closed","allowed_mentions":{"parse":[],"users":[]},"components":[],"embeds":[]}""",
            _rest.Discord.Last().Json);
        Assert.Equal(new Snowflake(900), message.Id);
    }
}
