namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Remembers which command set was last registered per scope: an application, globally or in one guild
/// (<see cref="CommandRegistrar.Scope"/>).
/// </summary>
public interface ICommandRegistrationStore
{
    Task<string?> GetHashAsync(string scope, CancellationToken cancellationToken = default);

    Task SaveHashAsync(string scope, string hash, CancellationToken cancellationToken = default);
}
