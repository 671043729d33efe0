namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// The custom id of a button or modal: a handler prefix and arguments, <c>pair:accept:42</c>. Discord caps custom ids
/// at 100 characters; arguments are ids and short words, never user text.
/// </summary>
public sealed record ComponentId(string Prefix, IReadOnlyList<string> Args)
{
    public const int MaxLength = 100;
    private const char Separator = ':';

    public static string Create(string prefix, params object[] args)
    {
        var text = string.Join(Separator, [prefix, .. args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture))]);
        if (text.Length > MaxLength)
            throw new ArgumentException($"Custom id '{text}' is longer than {MaxLength} characters.", nameof(args));
        return text;
    }

    public static ComponentId Parse(string customId)
    {
        var parts = customId.Split(Separator);
        return new ComponentId(parts[0], parts[1..]);
    }

    public string Arg(int index) => index < Args.Count ? Args[index] : "";

    public long? LongArg(int index) =>
        long.TryParse(Arg(index), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
