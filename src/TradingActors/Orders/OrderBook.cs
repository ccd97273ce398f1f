using System.Collections.Concurrent;

namespace TradingActors.Orders;

/// <summary>
/// The ledger's state: every order it holds in full, and the ids, outcomes and end times of orders that ended
/// longer ago than the retention, which the journal still holds whole. An id stays known for as long as ids are
/// remembered, so it cannot be sent as a new order again within that window; after it, the id is forgotten here
/// and in every later snapshot, so that memory and snapshots hold what a window brings, not every order ever placed.
/// </summary>
internal sealed class OrderBook
{
    private readonly Dictionary<string, OrderRecord> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClosedOrder> _closed = new(StringComparer.Ordinal);
    // Written only by the ledger; read by the metrics gauge on another thread, hence concurrent. A count that
    // falls to zero stays, so a gauge shows 0 rather than nothing.
    private readonly ConcurrentDictionary<(string Exchange, OrderLife Life), int> _unsettled = new();

    public IEnumerable<OrderRecord> Orders => _orders.Values;

    /// <summary>How many orders a snapshot would hold, in full or as a remembered id.</summary>
    public int Held => _orders.Count + _closed.Count;

    public bool TryGet(string clientOrderId, out OrderRecord order) => _orders.TryGetValue(clientOrderId, out order!);

    /// <summary>How many unsettled orders (in flight, open, unknown, needing attention) each exchange has, by life.</summary>
    public IReadOnlyDictionary<(string Exchange, OrderLife Life), int> Unsettled => _unsettled;

    public ClosedOrder? ClosedAs(string clientOrderId) => _closed.GetValueOrDefault(clientOrderId);

    /// <summary>Applies <paramref name="happened"/> and returns the order as it is now (null for an event about no known order).</summary>
    public OrderRecord? Apply(IOrderEvent happened)
    {
        // A send starts the order's life afresh: its id is sent again only after it provably did not execute,
        // or once the id is forgotten.
        _orders.TryGetValue(happened.ClientOrderId, out var known);
        var order = happened is OrderSent sent ? OrderRecord.From(sent) : known?.Apply(happened);
        if (order is null)
            return null;
        _closed.Remove(order.ClientOrderId);
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

    /// <summary>
    /// Keeps only the id, outcome and end time of the orders that ended before <paramref name="endedBefore"/>, and
    /// forgets the ids of those that ended before <paramref name="forgetBefore"/>.
    /// </summary>
    public void Retire(DateTimeOffset endedBefore, DateTimeOffset forgetBefore)
    {
        foreach (var order in _orders.Values.Where(o => o.IsFinal && o.UpdatedAt < endedBefore).ToList())
        {
            _orders.Remove(order.ClientOrderId);
            _closed[order.ClientOrderId] = Closed(order);
        }
        foreach (var (id, _) in _closed.Where(closed => closed.Value.At < forgetBefore).ToList())
            _closed.Remove(id);
    }

    // An order's last change is when it ended: a trade reported after its final state moves it on, as it keeps it in memory longer.
    private static ClosedOrder Closed(OrderRecord order) => new(order.Life, order.UpdatedAt);

    /// <summary>
    /// The orders still to settle in full, and only the id, outcome and end time of those that ended: a snapshot
    /// stays as small as what is open and the ids still remembered, however many orders ended within the retention.
    /// </summary>
    public OrderLedgerSnapshot Snapshot() => new(
        [.. _orders.Values.Where(order => !order.IsFinal)],
        _closed.Concat(_orders.Values.Where(order => order.IsFinal).Select(order => KeyValuePair.Create(order.ClientOrderId, Closed(order))))
            .ToDictionary(StringComparer.Ordinal));

    /// <param name="restoredAt">
    /// When the snapshot is restored: the end time of the ids a snapshot from before end times were kept holds, so
    /// that they are remembered for a whole window from the restart rather than forgotten at once.
    /// </param>
    public void Restore(OrderLedgerSnapshot snapshot, DateTimeOffset restoredAt)
    {
        _orders.Clear();
        _closed.Clear();
        _unsettled.Clear();
        foreach (var order in snapshot.Orders)
        {
            _orders[order.ClientOrderId] = order;
            Count(order, +1);
        }
        foreach (var (id, closed) in snapshot.Closed)
            _closed[id] = closed.At == ClosedOrder.EndUnknown ? closed with { At = restoredAt } : closed;
    }
}

/// <summary>The ledger's state at one point of its journal, so recovery replays only what came after.</summary>
/// <param name="Closed">The orders that ended, by client order id, whose ids are still remembered.</param>
public sealed record OrderLedgerSnapshot(IReadOnlyList<OrderRecord> Orders, IReadOnlyDictionary<string, ClosedOrder> Closed);

/// <summary>What the ledger keeps of an order that ended: how, and when, so that its id is forgotten a window later.</summary>
public sealed record ClosedOrder(OrderLife Life, DateTimeOffset At)
{
    /// <summary>The end time of an order in a snapshot written before the ledger kept end times: it is not known.</summary>
    public static readonly DateTimeOffset EndUnknown = DateTimeOffset.MinValue;
}
