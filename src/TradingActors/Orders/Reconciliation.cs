using TradingActors.Configuration;

namespace TradingActors.Orders;

/// <summary>
/// When the ledger asks an exchange again about an order whose outcome it does not know, and when it
/// stops asking. "Unknown order" right after a send is no proof that nothing was placed (exchanges answer
/// it for a while after accepting an order), so it counts only past the grace time, and only enough of
/// those answers prove the order never placed. An exchange that refuses to answer about the order as often
/// leaves it to an operator.
/// </summary>
internal sealed class Reconciliation(OrderLedgerSettings settings, Random random)
{
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refusals = new(StringComparer.Ordinal);

    /// <summary>How long to wait before the next query about the order; each wait is longer, up to the cap.</summary>
    public TimeSpan NextWait(string clientOrderId, TimeSpan? atLeast = null)
    {
        _attempts.TryGetValue(clientOrderId, out var attempts);
        _attempts[clientOrderId] = attempts + 1;
        var wait = Backoff.Wait(settings.MinBackoff, 2, attempts, settings.MaxBackoff, 0.2, random);
        return atLeast > wait ? atLeast.Value : wait;
    }

    /// <summary>Whether an "unknown order" answer at <paramref name="now"/> still falls in the grace time.</summary>
    public bool InGrace(OrderRecord order, DateTimeOffset now) => now - order.SentAt < settings.Grace;

    /// <summary>Whether the order has been unknown to its exchange often enough, past the grace time, to count as never placed.</summary>
    public bool GivesUp(OrderRecord order) => order.UnknownAnswers >= settings.MaxQueries;

    /// <summary>Counts a query the exchange refused to answer; true once it has refused as many as the queries allowed.</summary>
    public bool Refused(string clientOrderId)
    {
        var refusals = _refusals.GetValueOrDefault(clientOrderId) + 1;
        _refusals[clientOrderId] = refusals;
        return refusals >= settings.MaxQueries;
    }

    public void Settled(string clientOrderId)
    {
        _attempts.Remove(clientOrderId);
        _refusals.Remove(clientOrderId);
    }
}
