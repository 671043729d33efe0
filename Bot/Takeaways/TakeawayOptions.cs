using Microsoft.Extensions.Options;

namespace CrossCoaching.Takeaways;

/// <summary>Bound from the <c>Takeaways</c> section.</summary>
public sealed class TakeawayOptions
{
    public const string Section = "Takeaways";

    /// <summary>Discord's own cap on a modal's text input, and so on what the limit may be set to.</summary>
    public const int Ceiling = 4000;

    /// <summary>The longest takeaway accepted, in characters, default 1000 (1–4000).</summary>
    public int MaxLength { get; set; } = 1000;
}

public sealed class TakeawayOptionsValidator : IValidateOptions<TakeawayOptions>
{
    public ValidateOptionsResult Validate(string? name, TakeawayOptions options) => options.MaxLength is >= 1 and <= TakeawayOptions.Ceiling
        ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail(
            $"Takeaways__MaxLength is {options.MaxLength}; it must be a whole number of characters from 1 to {TakeawayOptions.Ceiling}.");
}
