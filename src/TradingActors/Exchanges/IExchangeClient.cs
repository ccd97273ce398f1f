namespace TradingActors.Exchanges;

/// <summary>
/// One exchange's API. Only the exchange connector actor calls it, one call at a time from its own
/// thread, so an implementation needs no locking for state it changes before its first await.
/// A call that fails throws: <see cref="ExchangeRejectionException"/> when the exchange refused it
/// and nothing executed, <see cref="ExchangeFailureException"/> when the client knows how it failed,
/// and anything else (timeouts, socket and parse errors) is classified by the connector.
/// An exception thrown synchronously, before the returned task exists, is a bug in the client:
/// it crashes the connector, which its breaker restarts.
/// </summary>
public interface IExchangeClient
{
    ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation);
    ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation);
    ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation);
    ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation);
    ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation);
    ValueTask PingAsync(CancellationToken cancellation);
}

/// <summary>The exchange refused the request; nothing executed.</summary>
public sealed class ExchangeRejectionException(RejectionReason reason, string message) : Exception(message)
{
    public RejectionReason Reason { get; } = reason;
}

/// <summary>The request failed in a way the client could classify (a status code, an error code).</summary>
public sealed class ExchangeFailureException(
    FailureKind kind, ExecutionOutcome outcome, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;
    public ExecutionOutcome Outcome { get; } = outcome;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
