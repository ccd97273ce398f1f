namespace TradingActors.Exchanges;

/// <summary>
/// How much of one rate limit a key had used when the exchange last said: <see cref="Used"/> of
/// <see cref="Limit"/>, in a window that frees at <see cref="FreesAt"/>.
/// </summary>
public sealed record RateUsage(decimal Used, decimal Limit, DateTimeOffset FreesAt);

/// <summary>A client that knows how much of its exchange's rate limits it has used, and so what it may still send.</summary>
public interface IRateBudgeted
{
    /// <summary>
    /// Null when <paramref name="request"/> fits the budget, which it is then charged with; otherwise why not,
    /// and for how long. Asked by the connector, one request at a time, just before the client is called.
    /// </summary>
    RateBudgetExhausted? Admit(ExchangeRequest request);
}

/// <summary>
/// A key's rate limits as its exchange reports them: one that every request counts against (request weight,
/// a call counter) and one for orders alone. Prices and queries stop at the headroom's share of a limit, so
/// that orders and cancels, which may use the whole of it, are never starved by polling. What was sent after
/// the request a report answers is counted on top of it: with tens of requests in flight, the last report is
/// always behind.
/// </summary>
public sealed class RateBudget(decimal headroom, TimeProvider clock)
{
    /// <summary>How much the client had been charged, in weight and in orders, when it sent a request.</summary>
    public readonly record struct Mark(long Weight, long Orders);

    private sealed record Report(RateUsage Usage, long Charged);

    private long _weight;
    private long _orders;
    private Report? _requests;
    private Report? _orderCount;

    /// <summary>What the client has been charged so far; taken as a request is sent, and given back with its reply's report.</summary>
    public Mark Charged => new(Interlocked.Read(ref _weight), Interlocked.Read(ref _orders));

    public RateBudgetExhausted? Admit(ExchangeRequest request, int weight)
    {
        var now = clock.GetUtcNow();
        var trade = request is PlaceOrder or CancelOrder;
        var share = trade ? 1m : headroom;
        if (Exhausted(_requests, Interlocked.Read(ref _weight), weight, share, now) is { } requests)
            return Refusal(request, "request", requests, share, now);
        if (request is PlaceOrder && Exhausted(_orderCount, Interlocked.Read(ref _orders), 1, 1m, now) is { } orders)
            return Refusal(request, "order", orders, 1m, now);
        Interlocked.Add(ref _weight, weight);
        if (request is PlaceOrder)
            Interlocked.Increment(ref _orders);
        return null;
    }

    /// <param name="sent">The client's <see cref="Charged"/> as it sent the request whose reply reported this.</param>
    public void ReportRequests(RateUsage usage, Mark sent) => _requests = Newer(_requests, new Report(usage, sent.Weight));

    public void ReportOrders(RateUsage usage, Mark sent) => _orderCount = Newer(_orderCount, new Report(usage, sent.Orders));

    // Replies come back in any order: the report on the latest request sent is the one that knows the most.
    private static Report Newer(Report? known, Report reported) => known is null || reported.Charged >= known.Charged ? reported : known;

    /// <summary>
    /// The report, with what has been spent since, when <paramref name="cost"/> more would pass <paramref name="share"/> of
    /// its limit; null when it fits. Once its window has freed, what was sent since the report still counts: no reply has
    /// said yet what the new window holds.
    /// </summary>
    private static RateUsage? Exhausted(Report? report, long charged, int cost, decimal share, DateTimeOffset now)
    {
        if (report is not { Usage: var usage } || usage.Limit <= 0)
            return null;
        var used = (now < usage.FreesAt ? usage.Used : 0) + (charged - report.Charged);
        return used + cost > usage.Limit * share ? usage with { Used = used } : null;
    }

    // Past its window's end a report waits only for the replies in flight to bring a newer one.
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(1);

    private static RateBudgetExhausted Refusal(ExchangeRequest request, string limit, RateUsage usage, decimal share, DateTimeOffset now) =>
        new(request, usage.FreesAt > now ? usage.FreesAt - now : ReplyWait, share < 1
            ? $"{usage.Used} of the {usage.Limit} {limit} limit used: past the {share * 100:0.#}% that prices and queries may use, the rest kept for orders"
            : $"{usage.Used} of the {usage.Limit} {limit} limit used");
}
