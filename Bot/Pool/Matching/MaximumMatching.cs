namespace CrossCoaching.Pool.Matching;

/// <summary>
/// Edmonds' blossom algorithm: grows a matching on a general (not bipartite) graph until no augmenting path is left,
/// which by Berge's theorem makes it maximum. Augmenting along a path only ever adds matched vertices, so whoever a
/// starting matching pairs stays paired; <see cref="PoolMatcher"/> relies on that to keep its preferences.
/// </summary>
/// <remarks>
/// One breadth-first search per exposed vertex grows an alternating tree; an edge between two even vertices of the
/// tree closes an odd cycle (a blossom), which is contracted by giving all its vertices one base. A search that fails
/// leaves a tree no later augmenting path can cross (Edmonds' lemma), so its vertices are set aside for the rest of
/// the run: on a sparse pool where many members fit nobody, each edge is then explored a bounded number of times.
/// </remarks>
public sealed class MaximumMatching
{
    private readonly int[][] adjacency;
    private readonly int[] mate, parent, baseOf, queue, seenStamp;
    private readonly bool[] even, inBlossom, dead;
    private int stamp;

    private MaximumMatching(int[][] adjacency, int[] mate)
    {
        this.adjacency = adjacency;
        this.mate = mate;
        var n = adjacency.Length;
        parent = new int[n];
        baseOf = new int[n];
        queue = new int[n];
        seenStamp = new int[n];
        even = new bool[n];
        inBlossom = new bool[n];
        dead = new bool[n];
    }

    /// <summary>
    /// Completes <paramref name="mate"/> (mate[v] is v's partner or -1; symmetric, edges of the graph) into a maximum
    /// matching, in place, searching from exposed vertices in <paramref name="order"/> (every vertex once).
    /// </summary>
    public static void Complete(int[][] adjacency, int[] mate, IEnumerable<int> order)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        ArgumentNullException.ThrowIfNull(mate);
        ArgumentNullException.ThrowIfNull(order);
        var search = new MaximumMatching(adjacency, mate);
        foreach (var root in order)
        {
            if (mate[root] == -1 && !search.dead[root])
                search.Augment(root);
        }
    }

    /// <summary>A maximum matching of the graph from scratch (for tests and small graphs).</summary>
    public static int[] Find(int[][] adjacency)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        var mate = Enumerable.Repeat(-1, adjacency.Length).ToArray();
        Complete(adjacency, mate, Enumerable.Range(0, adjacency.Length));
        return mate;
    }

    private void Augment(int root)
    {
        var end = Search(root);
        if (end == -1)
        {
            // Edmonds' lemma: no augmenting path will ever cross this tree again.
            for (var v = 0; v < adjacency.Length; v++)
            {
                if (even[v] || parent[v] != -1)
                    dead[v] = true;
            }

            return;
        }

        // Flip the path end → root: each odd vertex takes the even vertex it was reached from.
        for (var v = end; v != -1;)
        {
            var from = parent[v];
            var next = mate[from];
            mate[v] = from;
            mate[from] = v;
            v = next;
        }
    }

    private int Search(int root)
    {
        var n = adjacency.Length;
        Array.Fill(parent, -1);
        Array.Fill(even, false);
        for (var v = 0; v < n; v++)
            baseOf[v] = v;

        int head = 0, tail = 0;
        even[root] = true;
        queue[tail++] = root;
        while (head < tail)
        {
            var v = queue[head++];
            foreach (var to in adjacency[v])
            {
                if (dead[to] || baseOf[v] == baseOf[to] || mate[v] == to)
                    continue;
                if (to == root || (mate[to] != -1 && parent[mate[to]] != -1))
                {
                    // Both ends are even: an odd cycle. Contract it onto its base; its odd vertices become even.
                    var blossomBase = CommonBase(v, to);
                    Array.Fill(inBlossom, false);
                    MarkPath(v, blossomBase, to);
                    MarkPath(to, blossomBase, v);
                    for (var u = 0; u < n; u++)
                    {
                        if (!inBlossom[baseOf[u]])
                            continue;
                        baseOf[u] = blossomBase;
                        if (!even[u])
                        {
                            even[u] = true;
                            queue[tail++] = u;
                        }
                    }
                }
                else if (parent[to] == -1)
                {
                    parent[to] = v;
                    if (mate[to] == -1)
                        return to;
                    even[mate[to]] = true;
                    queue[tail++] = mate[to];
                }
            }
        }

        return -1;
    }

    // The base of the blossom that the edge a–b closes: the first base the two tree paths to the root share.
    private int CommonBase(int a, int b)
    {
        stamp++;
        while (true)
        {
            a = baseOf[a];
            seenStamp[a] = stamp;
            if (mate[a] == -1)
                break;
            a = parent[mate[a]];
        }

        while (true)
        {
            b = baseOf[b];
            if (seenStamp[b] == stamp)
                return b;
            b = parent[mate[b]];
        }
    }

    // Walks from v up to the blossom's base, marking the bases on the way and pointing odd vertices back across the
    // closing edge, so that a later augmenting path can go round the cycle the other way.
    private void MarkPath(int v, int blossomBase, int child)
    {
        while (baseOf[v] != blossomBase)
        {
            inBlossom[baseOf[v]] = inBlossom[baseOf[mate[v]]] = true;
            parent[v] = child;
            child = mate[v];
            v = parent[mate[v]];
        }
    }
}
