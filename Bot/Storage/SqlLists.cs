namespace CrossCoaching.Storage;

/// <summary>
/// Lists for <c>IN @ids</c>. Dapper turns an empty list into <c>IN (SELECT @ids WHERE 1 = 0)</c> with an untyped NULL,
/// which SQLite takes and PostgreSQL refuses (bigint = text). An empty list becomes one id no row has instead: the
/// same SQL then matches nothing on both.
/// </summary>
public static class SqlLists
{
    /// <summary>Row ids and snowflakes are never negative.</summary>
    public const long NoId = -1;

    public static long[] OrNoId(IEnumerable<long> ids) => ids.ToArray() is { Length: > 0 } list ? list : [NoId];
}
