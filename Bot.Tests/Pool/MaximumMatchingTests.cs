using CrossCoaching.Pool.Matching;

namespace CrossCoaching.Tests.Pool;

public sealed class MaximumMatchingTests
{
    [Fact]
    public void A_random_graph_of_up_to_twelve_vertices_gets_as_many_pairs_as_a_brute_force_search_finds()
    {
        var random = new Random(13);
        for (var round = 0; round < 3000; round++)
        {
            var n = random.Next(1, 13);
            var density = random.NextDouble();
            var edges = new bool[n, n];
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                    edges[a, b] = edges[b, a] = random.NextDouble() < density;
            }

            var mate = MaximumMatching.Find(Adjacency(edges));

            AssertValid(edges, mate);
            Assert.Equal(BruteForce.MaximumPairs(n, (a, b) => edges[a, b]), mate.Count(m => m != -1) / 2);
        }
    }

    [Fact]
    public void An_odd_cycle_hanging_off_a_path_is_contracted_to_find_the_augmenting_path_through_it()
    {
        // 0-1 matched, 1-2-3-4-5-1 a five-cycle with 2-3 and 4-5 matched; 6 hangs off 5 and 7 off 0. A search from
        // 7 must go round the blossom to reach 6, which a bipartite search would miss.
        int[][] pairs = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 1], [5, 6], [0, 7]];
        var edges = new bool[8, 8];
        foreach (var p in pairs)
            edges[p[0], p[1]] = edges[p[1], p[0]] = true;
        int[] mate = [1, 0, 3, 2, 5, 4, -1, -1];

        MaximumMatching.Complete(Adjacency(edges), mate, [7, 6]);

        AssertValid(edges, mate);
        Assert.Equal(4, mate.Count(m => m != -1) / 2);
    }

    [Fact]
    public void Completing_a_matching_never_unmatches_a_vertex_the_starting_matching_paired()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var n = random.Next(2, 13);
            var edges = new bool[n, n];
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                    edges[a, b] = edges[b, a] = random.Next(3) == 0;
            }

            var mate = Enumerable.Repeat(-1, n).ToArray();
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n && mate[a] == -1; b++)
                {
                    if (edges[a, b] && mate[b] == -1 && random.Next(2) == 0)
                        (mate[a], mate[b]) = (b, a);
                }
            }

            var before = Enumerable.Range(0, n).Where(v => mate[v] != -1).ToList();
            MaximumMatching.Complete(Adjacency(edges), mate, Enumerable.Range(0, n));

            Assert.All(before, v => Assert.NotEqual(-1, mate[v]));
            Assert.Equal(BruteForce.MaximumPairs(n, (a, b) => edges[a, b]), mate.Count(m => m != -1) / 2);
        }
    }

    private static int[][] Adjacency(bool[,] edges)
    {
        var n = edges.GetLength(0);
        return [.. Enumerable.Range(0, n).Select(a => Enumerable.Range(0, n).Where(b => edges[a, b]).ToArray())];
    }

    private static void AssertValid(bool[,] edges, int[] mate)
    {
        for (var v = 0; v < mate.Length; v++)
        {
            if (mate[v] == -1)
                continue;
            Assert.Equal(v, mate[mate[v]]);
            Assert.True(edges[v, mate[v]], $"{v}-{mate[v]} is not an edge");
        }
    }
}

internal static class BruteForce
{
    /// <summary>The size of a maximum matching, by trying every way to pair or skip the lowest vertex left.</summary>
    public static int MaximumPairs(int n, Func<int, int, bool> edge)
    {
        var memo = new Dictionary<int, int>();
        int Best(int left)
        {
            if (left == 0)
                return 0;
            if (memo.TryGetValue(left, out var known))
                return known;
            var v = System.Numerics.BitOperations.TrailingZeroCount(left);
            var rest = left & ~(1 << v);
            var best = Best(rest);
            for (var u = v + 1; u < n; u++)
            {
                if ((rest & (1 << u)) != 0 && edge(v, u))
                    best = Math.Max(best, 1 + Best(rest & ~(1 << u)));
            }

            return memo[left] = best;
        }

        return Best((1 << n) - 1);
    }
}
