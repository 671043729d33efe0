using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossCoaching.Rituals.Schedule;

/// <summary>
/// Reads the <c>time</c> option of <c>/ritual set</c> the ways English and French speakers write a time of day:
/// <c>14:00</c>, <c>9:05</c>, <c>14h</c>, <c>14h30</c>, <c>14.30</c>, <c>2pm</c>, <c>2 pm</c>, <c>2:30 PM</c>,
/// <c>12am</c> (midnight), <c>12pm</c> (noon). Minutes, when written, are two digits.
/// </summary>
/// <remarks>
/// Decisions: <c>14.30</c> is accepted (a common British and European way to write 14:30; with two-digit minutes it
/// cannot be a decimal hour like 14.5). A bare hour such as <c>14</c> or <c>9</c> is refused: <c>9</c> could mean
/// 9 am or 9 pm to a 12-hour reader, and asking again costs less than a ritual at the wrong hour. The French
/// <c>h</c> separator is not mixed with am/pm (<c>2h30pm</c> is refused). <c>24:00</c> is refused: a slot starts
/// within a day.
/// </remarks>
public static partial class TimeOfDayParser
{
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
            return false;

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var separator = match.Groups["sep"].Success ? char.ToLowerInvariant(match.Groups["sep"].Value[0]) : '\0';
        var meridiem = match.Groups["ampm"].Success ? char.ToLowerInvariant(match.Groups["ampm"].Value[0]) : '\0';

        if (minute > 59)
            return false;
        if (separator is ':' or '.' && !match.Groups["m"].Success)
            return false;

        if (meridiem == '\0')
        {
            // Without am/pm only the explicit 24-hour forms count (see remarks on bare hours).
            if (separator == '\0' || hour > 23)
                return false;
        }
        else
        {
            if (separator == 'h' || hour is < 1 or > 12)
                return false;
            hour = hour % 12 + (meridiem == 'p' ? 12 : 0);
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    // [0-9] rather than \d: \d also matches other scripts' digits, which int.Parse would then refuse.
    [GeneratedRegex(@"^(?<h>[0-9]{1,2})(?:(?<sep>[:.hH])(?<m>[0-9]{2})?)?\s*(?<ampm>[aApP]\.?[mM]\.?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
