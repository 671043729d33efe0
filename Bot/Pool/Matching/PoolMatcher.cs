namespace CrossCoaching.Pool.Matching;

/// <summary>
/// Pairs the members waiting in a pool: as many pairs as the compatibility graph allows (a maximum matching, never a
/// greedy pass that strands people who could have been paired), preferring larger overlaps and longer waits.
/// A pure function of its inputs.
/// </summary>
/// <remarks>
/// Why not the exact optimum of the preferences: a maximum-weight matching restricted to maximum cardinality on a
/// general graph is the weighted blossom algorithm, O(n³), some 8·10⁹ steps for a pool of 2,000, far over the
/// second a scheduled run may take. Instead, lexicographically: first a preference pass, longest-waiting member
/// first, each taking the free compatible member with the largest overlap (then the longest wait); then Edmonds'
/// blossom algorithm completes that matching, searching from the longest-waiting exposed member first. Augmenting
/// paths never unmatch anyone, so (1) the result is provably of maximum cardinality (Berge: it stops only when no
/// augmenting path is left) and (2) everyone the preference pass paired stays paired — the oldest waiters first among
/// them — though possibly with another partner where that frees room for one more pair.
/// </remarks>
public static class PoolMatcher
{
    public static IReadOnlyList<PoolMatch> Match(
        IReadOnlyList<PoolCandidate> pool, PoolExclusions exclusions, TimeSpan session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(exclusions);
        var need = (int)Math.Ceiling(session.TotalMinutes);
        ArgumentOutOfRangeException.ThrowIfLessThan(need, 1, nameof(session));

        // Index = place in line: the longest wait first, the user id breaking ties so that a run is reproducible.
        var members = pool
            .Where(m => !exclusions.IsPaired(m.UserId))
            .DistinctBy(m => m.UserId)
            .OrderBy(m => m.WaitingSince)
            .ThenBy(m => m.UserId)
            .ToArray();
        var origin = PoolHorizon.FloorToMinute(now);
        var intervals = members.Select(m => PoolHorizon.Intervals(m, origin)).ToArray();
        var graph = Graph(members, intervals, exclusions, need);

        var mate = Enumerable.Repeat(-1, members.Length).ToArray();
        for (var v = 0; v < members.Length; v++)
        {
            if (mate[v] != -1)
                continue;
            var (best, bestOverlap) = (-1, 0);
            for (var k = 0; k < graph.Neighbours[v].Length; k++)
            {
                var u = graph.Neighbours[v][k];
                // Neighbours are in line order, so on equal overlaps the first one seen has waited longer.
                if (mate[u] == -1 && graph.Overlaps[v][k] > bestOverlap)
                    (best, bestOverlap) = (u, graph.Overlaps[v][k]);
            }

            if (best != -1)
                (mate[v], mate[best]) = (best, v);
        }

        MaximumMatching.Complete(graph.Neighbours, mate, Enumerable.Range(0, members.Length));

        var matches = new List<PoolMatch>();
        for (var v = 0; v < members.Length; v++)
        {
            if (mate[v] <= v)
                continue;
            var (first, length, _) = PoolHorizon.Overlap(intervals[v], intervals[mate[v]], need);
            matches.Add(new PoolMatch(members[v].UserId, members[mate[v]].UserId, origin.AddMinutes(first), TimeSpan.FromMinutes(length)));
        }

        return matches;
    }

    /// <summary>Whether two members may be proposed to each other, apart from their windows.</summary>
    public static bool MayMeet(PoolCandidate a, PoolCandidate b, PoolExclusions exclusions)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(exclusions);
        return a.UserId != b.UserId
            && (a.Languages & b.Languages) != PoolLanguages.None
            && !exclusions.IsPaired(a.UserId) && !exclusions.IsPaired(b.UserId)
            && !exclusions.KeptApart(a.UserId, b.UserId)
            && !((a.SomeoneNew || b.SomeoneNew) && exclusions.WerePartners(a.UserId, b.UserId));
    }

    private sealed record CompatibilityGraph(int[][] Neighbours, int[][] Overlaps);

    private static CompatibilityGraph Graph(PoolCandidate[] members, int[][] intervals, PoolExclusions exclusions, int need)
    {
        var neighbours = members.Select(_ => new List<int>()).ToArray();
        var overlaps = members.Select(_ => new List<int>()).ToArray();
        for (var a = 0; a < members.Length; a++)
        {
            for (var b = a + 1; b < members.Length; b++)
            {
                // The cheap tests first: languages, then windows, and only then the exclusions' hash look-ups.
                if ((members[a].Languages & members[b].Languages) == PoolLanguages.None)
                    continue;
                var (first, _, longest) = PoolHorizon.Overlap(intervals[a], intervals[b], need);
                if (first < 0 || !MayMeet(members[a], members[b], exclusions))
                    continue;
                neighbours[a].Add(b);
                overlaps[a].Add(longest);
                neighbours[b].Add(a);
                overlaps[b].Add(longest);
            }
        }

        return new CompatibilityGraph([.. neighbours.Select(l => l.ToArray())], [.. overlaps.Select(l => l.ToArray())]);
    }
}
