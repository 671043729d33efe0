using System.Reflection;
using System.Text;

namespace CrossCoaching.Tests.Architecture;

/// <summary>
/// Which top-level folder of <c>Bot/</c> uses which, by the types of one using the types of the other. A folder is the
/// second part of a namespace (<c>CrossCoaching.Sessions.Rooms</c> is in Sessions: namespaces follow folders);
/// <c>Program</c> and the rest of the bare <c>CrossCoaching</c> namespace are "(root)".
/// </summary>
internal sealed class FolderMatrix
{
    public const string Root = "(root)";

    private FolderMatrix(IReadOnlySet<(Type User, Type Used)> types) =>
        Types = types;

    /// <summary>Every (user, used) pair of outermost types of the bot, across folders or not.</summary>
    public IReadOnlySet<(Type User, Type Used)> Types { get; }

    public static FolderMatrix OfBot { get; } = new(TypeReferences.Within(typeof(Program).Assembly, "CrossCoaching"));

    public IReadOnlyList<string> Folders =>
        [.. Types.SelectMany(e => new[] { FolderOf(e.User), FolderOf(e.Used) }).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>How many types of <paramref name="from"/> use how many types of <paramref name="to"/>, as type pairs.</summary>
    public int Count(string from, string to) =>
        Types.Count(e => FolderOf(e.User) == from && FolderOf(e.Used) == to);

    public bool Uses(string from, string to) => from != to && Count(from, to) > 0;

    /// <summary>Each pair of folders that use each other, alphabetically within and across pairs.</summary>
    public IReadOnlyList<(string A, string B)> TwoWay =>
        [.. from a in Folders from b in Folders where string.CompareOrdinal(a, b) < 0 && Uses(a, b) && Uses(b, a) select (a, b)];

    public static string FolderOf(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        return parts.Length > 1 ? parts[1] : Root;
    }

    /// <summary>The matrix as a Markdown table: a row's folder uses a column's folder through that many type pairs.</summary>
    public string ToMarkdown()
    {
        var folders = Folders;
        var text = new StringBuilder();
        text.Append("| uses → | ").AppendJoin(" | ", folders).AppendLine(" |");
        text.Append("|---|").AppendJoin("", folders.Select(_ => "---:|")).AppendLine();
        foreach (var from in folders)
        {
            var cells = folders.Select(to => from == to ? "·" : Uses(from, to) ? (Uses(to, from) ? $"**{Count(from, to)}**" : $"{Count(from, to)}") : "");
            text.Append("| ").Append(from).Append(" | ").AppendJoin(" | ", cells).AppendLine(" |");
        }
        return text.ToString();
    }
}
