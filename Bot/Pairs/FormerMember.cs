using CrossCoaching.Discord;
using CrossCoaching.Localization;

namespace CrossCoaching.Pairs;

/// <summary>
/// A member who asked to be forgotten. In the history of their pairs their id is replaced by a sentinel that no Discord
/// user can have (snowflakes start far above), and their name by an empty string that readers see as "a former member".
/// Partner A gets 0 and partner B gets 1, so that a pair whose two members both left still satisfies
/// <c>member_a_id &lt;&gt; member_b_id</c>.
/// </summary>
public static class FormerMember
{
    public static readonly Snowflake InSlotA = new(0), InSlotB = new(1);

    public static readonly LocalizedText Name = new("a former member", "un ancien membre");

    public static bool Is(Snowflake id) => id.Value <= InSlotB.Value;

    /// <summary>The name to show for a member of a pair's history.</summary>
    public static string Display(Snowflake id, string name, Lang lang) => Is(id) || string.IsNullOrEmpty(name) ? Name[lang] : name;
}
