namespace CrossCoaching.Pool.Matching;

/// <summary>
/// What keeps two otherwise compatible members apart: past partners (for members who asked for someone new),
/// blocks (either way), past declines (either way: the decliner is not proposed the same person again, and the one
/// declined is not offered back to them) and members who are already paired.
/// </summary>
public sealed class PoolExclusions
{
    private readonly HashSet<(ulong, ulong)> _formerPartners = [];
    private readonly HashSet<(ulong, ulong)> _apart = [];
    private readonly HashSet<ulong> _paired = [];

    public PoolExclusions FormerPartners(ulong a, ulong b)
    {
        _formerPartners.Add(Key(a, b));
        return this;
    }

    /// <summary><paramref name="blocker"/> does not want to be proposed <paramref name="blocked"/>.</summary>
    public PoolExclusions Block(ulong blocker, ulong blocked)
    {
        _apart.Add(Key(blocker, blocked));
        return this;
    }

    /// <summary><paramref name="decliner"/> declined a proposal to meet <paramref name="other"/>.</summary>
    public PoolExclusions Declined(ulong decliner, ulong other)
    {
        _apart.Add(Key(decliner, other));
        return this;
    }

    public PoolExclusions Paired(ulong user)
    {
        _paired.Add(user);
        return this;
    }

    public bool IsPaired(ulong user) => _paired.Contains(user);

    public bool WerePartners(ulong a, ulong b) => _formerPartners.Contains(Key(a, b));

    public bool KeptApart(ulong a, ulong b) => _apart.Contains(Key(a, b));

    private static (ulong, ulong) Key(ulong a, ulong b) => a < b ? (a, b) : (b, a);
}
