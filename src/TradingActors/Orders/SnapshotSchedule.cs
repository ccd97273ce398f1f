namespace TradingActors.Orders;

/// <summary>
/// When the ledger saves a snapshot: after <c>snapshot-every</c> events, or, once the book holds more orders (and
/// remembered ids) than that, after as many events as the snapshot would hold. A snapshot costs what the book holds,
/// which with a week of remembered ids runs to millions; saving one every thousand events would cost each order more
/// the longer the engine ran. So its cost per event stays bounded however large the book grows, and recovery still
/// replays at most as many events past the snapshot as the snapshot itself holds.
/// </summary>
internal sealed class SnapshotSchedule(int every)
{
    private int _since;

    /// <summary>Counts one journaled event; true when a snapshot of a book of <paramref name="held"/> entries is due.</summary>
    public bool Due(int held)
    {
        if (++_since < Math.Max(every, held))
            return false;
        _since = 0;
        return true;
    }
}
