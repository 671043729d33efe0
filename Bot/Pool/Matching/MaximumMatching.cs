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
    private readonly int[][] _adjacency;
    private readonly int[] _mate, _parent, _baseOf, _queue, _seenStamp;
    private readonly bool[] _even, _inBlossom, _dead;
    private int _stamp;

    private MaximumMatching(int[][] adjacency, int[] mate)
    {
        _adjacency = adjacency;
        _mate = mate;
        var n = _adjacency.Length;
        _parent = new int[n];
        _baseOf = new int[n];
        _queue = new int[n];
        _seenStamp = new int[n];
        _even = new bool[n];
        _inBlossom = new bool[n];
        _dead = new bool[n];
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
            if (mate[root] == -1 && !search._dead[root])
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
            for (var v = 0; v < _adjacency.Length; v++)
            {
                if (_even[v] || _parent[v] != -1)
                    _dead[v] = true;
            }

            return;
        }

        // Flip the path end → root: each odd vertex takes the even vertex it was reached from.
        for (var v = end; v != -1;)
        {
            var from = _parent[v];
            var next = _mate[from];
            _mate[v] = from;
            _mate[from] = v;
            v = next;
        }
    }

    private int Search(int root)
    {
        var n = _adjacency.Length;
        Array.Fill(_parent, -1);
        Array.Fill(_even, false);
        for (var v = 0; v < n; v++)
            _baseOf[v] = v;

        int head = 0, tail = 0;
        _even[root] = true;
        _queue[tail++] = root;
        while (head < tail)
        {
            var v = _queue[head++];
            foreach (var to in _adjacency[v])
            {
                if (_dead[to] || _baseOf[v] == _baseOf[to] || _mate[v] == to)
                    continue;
                if (to == root || (_mate[to] != -1 && _parent[_mate[to]] != -1))
                {
                    // Both ends are even: an odd cycle. Contract it onto its base; its odd vertices become even.
                    var blossomBase = CommonBase(v, to);
                    Array.Fill(_inBlossom, false);
                    MarkPath(v, blossomBase, to);
                    MarkPath(to, blossomBase, v);
                    for (var u = 0; u < n; u++)
                    {
                        if (!_inBlossom[_baseOf[u]])
                            continue;
                        _baseOf[u] = blossomBase;
                        if (!_even[u])
                        {
                            _even[u] = true;
                            _queue[tail++] = u;
                        }
                    }
                }
                else if (_parent[to] == -1)
                {
                    _parent[to] = v;
                    if (_mate[to] == -1)
                        return to;
                    _even[_mate[to]] = true;
                    _queue[tail++] = _mate[to];
                }
            }
        }

        return -1;
    }

    // The base of the blossom that the edge a–b closes: the first base the two tree paths to the root share.
    private int CommonBase(int a, int b)
    {
        _stamp++;
        while (true)
        {
            a = _baseOf[a];
            _seenStamp[a] = _stamp;
            if (_mate[a] == -1)
                break;
            a = _parent[_mate[a]];
        }

        while (true)
        {
            b = _baseOf[b];
            if (_seenStamp[b] == _stamp)
                return b;
            b = _parent[_mate[b]];
        }
    }

    // Walks from v up to the blossom's base, marking the bases on the way and pointing odd vertices back across the
    // closing edge, so that a later augmenting path can go round the cycle the other way.
    private void MarkPath(int v, int blossomBase, int child)
    {
        while (_baseOf[v] != blossomBase)
        {
            _inBlossom[_baseOf[v]] = _inBlossom[_baseOf[_mate[v]]] = true;
            _parent[v] = child;
            child = _mate[v];
            v = _parent[_mate[v]];
        }
    }
}
