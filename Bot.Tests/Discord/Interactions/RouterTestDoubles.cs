using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Interactions;

/// <summary>A slash command whose handler the test writes inline.</summary>
internal sealed class TestCommand(string name, Func<InteractionContext, CancellationToken, Task> handle, bool ephemeral = true) : ISlashCommand
{
    public CommandDefinition Definition { get; init; } = new(name, "test", []);

    public bool EphemeralByDefault => ephemeral;

    public IReadOnlyList<AutocompleteChoice> Suggestions { get; init; } = [];

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default) => handle(context, cancellationToken);

    public Task<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Suggestions);
}

/// <summary>A button or modal handler whose body the test writes inline.</summary>
internal sealed class TestComponent(string prefix, Func<InteractionContext, ComponentId, CancellationToken, Task> handle) : IComponentHandler
{
    public string Prefix => prefix;

    public Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default) => handle(context, id, cancellationToken);
}

/// <summary>A router over fake Discord and a fake clock, with the helpers the router tests share.</summary>
internal sealed class RouterRig
{
    public FakeDiscordApi Api { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    public InteractionRouter Router(ISlashCommand? command = null, IComponentHandler? component = null) =>
        new(command is null ? [] : [command], component is null ? [] : [component], Api, Clock, NullLogger<InteractionRouter>.Instance);

    public static Interaction Command(string name, string locale = "en-US", InteractionType type = InteractionType.ApplicationCommand) =>
        new(new Snowflake(1), new Snowflake(2), type, "token", new Snowflake(3), new Snowflake(4),
            new DiscordUser(new Snowflake(5), "alice", null, false), null, Permissions.None, Permissions.None, locale, "en-US",
            CommandName: name);

    public static Interaction Button(string customId, string locale = "en-US") =>
        Command("x", locale) with { Type = InteractionType.MessageComponent, CommandName = null, CustomId = customId };

    /// <summary>Routes while the test moves the clock past the auto-deferral, and returns once routing is done.</summary>
    public async Task RouteAndDeferAsync(InteractionRouter router, Interaction interaction, TaskCompletionSource release)
    {
        var routing = router.RouteAsync(interaction, Clock.GetUtcNow());
        await Task.Delay(50);
        Clock.Advance(InteractionRouter.AutoDeferAfter);
        await WaitUntil(() => Api.Callbacks.Any());
        release.SetResult();
        await routing;
    }

    public static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition());
    }
}
