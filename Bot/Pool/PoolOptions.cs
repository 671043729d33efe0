using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>Bound from the <c>Pool</c> section.</summary>
public sealed class PoolOptions
{
    public const string Section = "Pool";

    /// <summary>How long an entry in the pool lasts before it expires, in days, default 30 (1–365).</summary>
    public int EntryDays { get; set; } = 30;

    /// <summary>How long before the expiry the member is reminded, in days, default 3 (0 = no reminder; less than <see cref="EntryDays"/>).</summary>
    public int ReminderDays { get; set; } = 3;
}

public sealed class PoolOptionsValidator : IValidateOptions<PoolOptions>
{
    public ValidateOptionsResult Validate(string? name, PoolOptions options) =>
        options.EntryDays is < 1 or > 365
            ? ValidateOptionsResult.Fail($"Pool__EntryDays is {options.EntryDays}; it must be a whole number of days from 1 to 365.")
            : options.ReminderDays < 0 || options.ReminderDays >= options.EntryDays
                ? ValidateOptionsResult.Fail($"Pool__ReminderDays is {options.ReminderDays}; it must be from 0 to {options.EntryDays - 1} (less than Pool__EntryDays).")
                : ValidateOptionsResult.Success;
}
