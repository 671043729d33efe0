namespace CrossCoaching.Sessions;

/// <summary>
/// A set whose items are taken out when they have served (<see cref="TryTake"/>) and which never holds more than
/// <c>capacity</c> items: past it the oldest go. For state that waits for an event that may never come (a gateway
/// event lost to a disconnection), so that memory stays bounded however long the process runs.
/// </summary>
public sealed class RecentSet<T>(int capacity) where T : notnull
{
    private readonly LinkedList<T> _order = [];
    private readonly Dictionary<T, LinkedListNode<T>> _items = [];
    private readonly Lock _sync = new();

    public int Count
    {
        get
        {
            lock (_sync)
                return _items.Count;
        }
    }

    public void Add(T item)
    {
        lock (_sync)
        {
            if (_items.ContainsKey(item))
                return;
            _items[item] = _order.AddLast(item);
            if (_items.Count > capacity && _order.First is { } oldest)
            {
                _items.Remove(oldest.Value);
                _order.RemoveFirst();
            }
        }
    }

    /// <summary>Removes the item; true when it was there.</summary>
    public bool TryTake(T item)
    {
        lock (_sync)
        {
            if (!_items.Remove(item, out var node))
                return false;
            _order.Remove(node);
            return true;
        }
    }
}
