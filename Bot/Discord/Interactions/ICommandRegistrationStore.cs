namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Remembers which command set was last registered per scope: an application, globally or in one guild
/// (<see cref="CommandRegistrar.Scope"/>).
/// </summary>
public interface ICommandRegistrationStore
{
    Task<string?> GetHashAsync(string scope, CancellationToken cancellationToken = default);

    Task SaveHashAsync(string scope, string hash, CancellationToken cancellationToken = default);

    /// <summary>The scopes registered so far whose name starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> ListScopesAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Forgets a scope once Discord no longer holds our commands there.</summary>
    Task ForgetAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the registration of <paramref name="hash"/> in <paramref name="scope"/> for <paramref name="hold"/>, so that
    /// of several instances starting together one registers: false when another claimed the same set and its claim
    /// still holds. A store that serves one process only may always say yes.
    /// </summary>
    Task<bool> TryClaimAsync(string scope, string hash, string owner, TimeSpan hold, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    /// <summary>Gives a claim back (Discord refused the set): the next start, here or elsewhere, tries again at once.</summary>
    Task ReleaseClaimAsync(string scope, string owner, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
