using System.Collections.Concurrent;

namespace TradingActors.Orders;

/// <summary>
/// The ledger's state: every order it holds in full, and the ids and outcomes of orders that ended
/// longer ago than the retention, which the journal still holds whole. An id stays known for good, so
/// it can never be sent as a new order again.
/// </summary>
internal sealed class OrderBook
{
    private readonly Dictionary<string, OrderRecord> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderLife> _closed = new(StringComparer.Ordinal);
    // Written only by the ledger; read by the metrics gauge on another thread, hence concurrent. A count that
    // falls to zero stays, so a gauge shows 0 rather than nothing.
    private readonly ConcurrentDictionary<(string Exchange, OrderLife Life), int> _unsettled = new();

    public IEnumerable<OrderRecord> Orders => _orders.Values;

    public bool TryGet(string clientOrderId, out OrderRecord order) => _orders.TryGetValue(clientOrderId, out order!);

    /// <summary>How many unsettled orders (in flight, open, unknown, needing attention) each exchange has, by life.</summary>
    public IReadOnlyDictionary<(string Exchange, OrderLife Life), int> Unsettled => _unsettled;

    public OrderLife? ClosedAs(string clientOrderId) => _closed.TryGetValue(clientOrderId, out var life) ? life : null;

    /// <summary>Applies <paramref name="happened"/> and returns the order as it is now (null for an event about no known order).</summary>
    public OrderRecord? Apply(IOrderEvent happened)
    {
        // A send starts the order's life afresh: its id is sent again only after it provably did not execute.
        _orders.TryGetValue(happened.ClientOrderId, out var known);
        var order = happened is OrderSent sent ? OrderRecord.From(sent) : known?.Apply(happened);
        if (order is null)
            return null;
        Count(known, -1);
        Count(order, +1);
        _orders[order.ClientOrderId] = order;
        return order;
    }

    private void Count(OrderRecord? order, int change)
    {
        if (order is { IsUnsettled: true })
            _unsettled.AddOrUpdate((order.Venue, order.Life), change, (_, count) => count + change);
    }

    /// <summary>Keeps only the id and outcome of the orders that ended before <paramref name="endedBefore"/>.</summary>
    public void Retire(DateTimeOffset endedBefore)
    {
        foreach (var order in _orders.Values.Where(o => o.IsFinal && o.UpdatedAt < endedBefore).ToList())
        {
            _orders.Remove(order.ClientOrderId);
            _closed[order.ClientOrderId] = order.Life;
        }
    }

    /// <summary>
    /// The orders still to settle in full, and only the id and outcome of those that ended: a snapshot stays as
    /// small as what is open, however many orders ended within the retention.
    /// </summary>
    public OrderLedgerSnapshot Snapshot() => new(
        [.. _orders.Values.Where(order => !order.IsFinal)],
        _closed.Concat(_orders.Values.Where(order => order.IsFinal).Select(order => KeyValuePair.Create(order.ClientOrderId, order.Life)))
            .ToDictionary(StringComparer.Ordinal));

    public void Restore(OrderLedgerSnapshot snapshot)
    {
        _orders.Clear();
        _closed.Clear();
        _unsettled.Clear();
        foreach (var order in snapshot.Orders)
        {
            _orders[order.ClientOrderId] = order;
            Count(order, +1);
        }
        foreach (var (id, life) in snapshot.Closed)
            _closed[id] = life;
    }
}

/// <summary>The ledger's state at one point of its journal, so recovery replays only what came after.</summary>
public sealed record OrderLedgerSnapshot(IReadOnlyList<OrderRecord> Orders, IReadOnlyDictionary<string, OrderLife> Closed);
