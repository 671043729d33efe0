using Xunit.Abstractions;

namespace CrossCoaching.Tests.Architecture;

/// <summary>
/// The shape of <c>Bot/</c>, checked on the compiled bot. To see the matrix (for the README):
/// <c>dotnet test Bot.Tests --filter "FullyQualifiedName~ArchitectureTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    /// <summary>The folders that may speak Discord's wire: the client itself and the host that starts it, stores, words.</summary>
    private static readonly string[] Infrastructure = [FolderMatrix.Root, "Discord", "Hosting", "Storage", "Localization"];

    /// <summary>Discord's insides: a feature goes through IDiscordApi, IGuildCache, the interaction router and the model.</summary>
    private static readonly string[] DiscordInsides =
        ["CrossCoaching.Discord.Rest", "CrossCoaching.Discord.Gateway", "CrossCoaching.Discord.Wire", "CrossCoaching.Discord.Cache"];

    [Fact]
    public void The_dependency_matrix_between_top_level_folders_is_printed()
    {
        var matrix = FolderMatrix.OfBot;
        output.WriteLine(matrix.ToMarkdown());
        foreach (var (a, b) in matrix.TwoWay)
            output.WriteLine($"{a} ↔ {b}");
        // The reading is not blind: it sees the well-known uses of the bot's own folders.
        Assert.True(matrix.Uses("Sessions", "Discord"));
        Assert.True(matrix.Uses("Discord", "Hosting"));
    }

    [Fact]
    public void No_feature_folder_uses_the_insides_of_the_Discord_client()
    {
        var matrix = FolderMatrix.OfBot;
        bool Inside(Type type) => DiscordInsides.Any(n => type.Namespace == n || type.Namespace!.StartsWith(n + ".", StringComparison.Ordinal));
        // The check sees those namespaces at all: the client's own folder uses them.
        Assert.Contains(matrix.Types, e => FolderMatrix.FolderOf(e.User) == "Discord" && Inside(e.Used));

        var violations = matrix.Types
            .Where(e => !Infrastructure.Contains(FolderMatrix.FolderOf(e.User)) && Inside(e.Used))
            .Select(e => $"{e.User.FullName} uses {e.Used.FullName}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(violations.Count == 0, "Feature code reaches into the Discord client:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Every_two_way_dependency_between_folders_is_listed_with_its_reason()
    {
        var found = FolderMatrix.OfBot.TwoWay.Select(p => $"{p.A} ↔ {p.B}").ToHashSet();
        var listed = FolderCycles.Allowed.Keys.ToHashSet();
        Assert.True(found.IsSubsetOf(listed),
            "New two-way dependencies, not in FolderCycles.Allowed: " + string.Join(", ", found.Except(listed)));
        // An entry whose cycle is gone must go too, so the list only ever shrinks to the truth.
        Assert.True(listed.IsSubsetOf(found),
            "Listed in FolderCycles.Allowed but no longer two-way (remove them): " + string.Join(", ", listed.Except(found)));
    }

    [Fact]
    public void No_longer_cycle_runs_through_folders_outside_the_listed_pairs()
    {
        var matrix = FolderMatrix.OfBot;
        var allowed = matrix.TwoWay.Where(p => FolderCycles.Allowed.ContainsKey($"{p.A} ↔ {p.B}")).ToList();
        bool Edge(string from, string to) =>
            matrix.Uses(from, to) && !allowed.Any(p => (p.A == from && p.B == to) || (p.A == to && p.B == from));
        var cycles = StronglyConnected(matrix.Folders, Edge).Where(c => c.Count > 1).Select(c => string.Join(" → ", c)).ToList();
        Assert.True(cycles.Count == 0, "Folders in a cycle (through no listed pair): " + string.Join("; ", cycles));
    }

    /// <summary>Tarjan's strongly connected components, for a handful of folders.</summary>
    private static List<List<string>> StronglyConnected(IReadOnlyList<string> nodes, Func<string, string, bool> edge)
    {
        var (index, low, stack, onStack, result) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Stack<string>(), new HashSet<string>(), new List<List<string>>());
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in nodes.Where(n => n != node && edge(node, n)))
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] != index[node])
                return;
            var component = new List<string>();
            string top;
            do
            {
                top = stack.Pop();
                onStack.Remove(top);
                component.Add(top);
            }
            while (top != node);
            result.Add(component);
        }
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
            Visit(node);
        return result;
    }
}
