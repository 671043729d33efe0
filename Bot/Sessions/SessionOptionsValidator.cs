using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions;

/// <summary>Checks the Sessions section on start; each message names the key and the accepted range.</summary>
public sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions o)
    {
        var errors = new List<string>();
        void Check(string key, int value, int min, int max)
        {
            if (value < min || value > max)
                errors.Add($"Sessions__{key} is {value}; it must be a whole number of minutes from {min} to {max}.");
        }

        Check(nameof(o.MinimumDurationMinutes), o.MinimumDurationMinutes, SessionOptions.DurationFloor, SessionOptions.DurationCeiling);
        var minimumIsValid = errors.Count == 0;
        Check(nameof(o.MaximumDurationMinutes), o.MaximumDurationMinutes,
            minimumIsValid ? o.MinimumDurationMinutes : SessionOptions.DurationFloor, SessionOptions.DurationCeiling);
        Check(nameof(o.MaximumReminderMinutes), o.MaximumReminderMinutes, 0, SessionOptions.ReminderCeiling);
        Check(nameof(o.GraceMinutes), o.GraceMinutes, 0, SessionOptions.GraceCeiling);
        Check(nameof(o.ReconcileMinutes), o.ReconcileMinutes, 1, 60);
        if (o.ReconcileMinutes is >= 1 and <= 60)
            Check(nameof(o.PlanAheadMinutes), o.PlanAheadMinutes, 2 * o.ReconcileMinutes, 1440);
        Check(nameof(o.HeldTogetherMinutes), o.HeldTogetherMinutes, 1, 60);
        if (o.RoomsPerMinute is < 1 or > 600)
            errors.Add($"Sessions__RoomsPerMinute is {o.RoomsPerMinute}; it must be a whole number from 1 to 600.");
        Check(nameof(o.RoomsPerSecondInAll), o.RoomsPerSecondInAll, 1, 50);
        Check(nameof(o.ClosesPerSecond), o.ClosesPerSecond, 1, 50);
        if (o.MaxImpromptuRoomsPerGuild is < 1 or > 500)
            errors.Add($"Sessions__MaxImpromptuRoomsPerGuild is {o.MaxImpromptuRoomsPerGuild}; it must be a whole number from 1 to 500.");
        if (o.RoomLeadSeconds is < 0 or > 3600)
            errors.Add($"Sessions__RoomLeadSeconds is {o.RoomLeadSeconds}; it must be a whole number of seconds from 0 to 3600.");
        if (errors.Count == 0)
        {
            // Defaults are only meaningful once the bounds they must fit in are valid.
            Check(nameof(o.DefaultDurationMinutes), o.DefaultDurationMinutes, o.MinimumDurationMinutes, o.MaximumDurationMinutes);
            Check(nameof(o.DefaultReminderMinutes), o.DefaultReminderMinutes, 0, o.MaximumReminderMinutes);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
