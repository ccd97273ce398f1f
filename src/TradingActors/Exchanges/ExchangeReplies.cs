namespace TradingActors.Exchanges;

public enum OrderState { New, PartiallyFilled, Filled, Cancelled, Rejected, Expired }

/// <summary>What the exchange says about one order.</summary>
public sealed record OrderReport(
    string ClientOrderId,
    string ExchangeOrderId,
    string Symbol,
    OrderSide Side,
    OrderState State,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? AveragePrice);

/// <summary>The one answer to an <see cref="ExchangeRequest"/>.</summary>
public abstract record ExchangeReply(ExchangeRequest Request);

public sealed record OrderPlaced(PlaceOrder Order, OrderReport Report) : ExchangeReply(Order);

public sealed record OrderCancelled(CancelOrder Cancel, OrderReport Report) : ExchangeReply(Cancel);

public sealed record OrderFound(GetOrderStatus Query, OrderReport Report) : ExchangeReply(Query);

public sealed record OpenOrdersListed(GetOpenOrders Query, IReadOnlyList<OrderReport> Orders) : ExchangeReply(Query);

public sealed record PriceQuoted(GetPrice Query, decimal Price) : ExchangeReply(Query);

public sealed record Pong(Ping Ping) : ExchangeReply(Ping);

public enum FailureKind { Timeout, RateLimited, ServerError, ConnectionFailed, MalformedResponse }

/// <summary>Whether a failed request may have taken effect at the exchange.</summary>
public enum ExecutionOutcome
{
    /// <summary>Provably not executed (refused before it was sent, or rate limited): safe to retry or reroute.</summary>
    NotExecuted,

    /// <summary>It may have executed (timeout, reset after sending, 5xx): an order must be reconciled, not resent.</summary>
    Unknown,
}

/// <summary>The exchange could not answer sanely; counts against its breaker.</summary>
public sealed record ExchangeFailed(
    ExchangeRequest Request, FailureKind Kind, ExecutionOutcome Outcome, TimeSpan? RetryAfter, string Detail)
    : ExchangeReply(Request)
{
    /// <summary>True when sending the request again cannot double anything.</summary>
    public bool IsSafeToRetry => Outcome == ExecutionOutcome.NotExecuted || Request.IsIdempotent;
}

public enum RejectionReason { InsufficientFunds, UnknownSymbol, InvalidOrder, UnknownOrder, DuplicateOrder, Unauthorized }

/// <summary>
/// The exchange refused the request and nothing executed. The exchange is healthy, so this counts
/// for its breaker, not against it.
/// </summary>
public sealed record ExchangeRejected(ExchangeRequest Request, RejectionReason Reason, string Detail)
    : ExchangeReply(Request);

/// <summary>The engine did not send the request because the exchange's breaker is not admitting calls.</summary>
/// <param name="RetryAfter">Time until the breaker will next admit a call; null while it is isolated by hand.</param>
public sealed record CircuitOpen(ExchangeRequest Request, TimeSpan? RetryAfter) : ExchangeReply(Request);

/// <summary>The request failed the engine's own validation and never reached an exchange.</summary>
public sealed record InvalidRequest(ExchangeRequest Request, string Reason) : ExchangeReply(Request);

/// <summary>
/// The engine did not send the request because the exchange had its most calls in flight: its waiting
/// queue was full, or no call slot freed up within the call timeout. Nothing was sent, so this is not an
/// exchange failure: the caller may retry or go elsewhere.
/// </summary>
public sealed record BulkheadFull(ExchangeRequest Request, string Reason) : ExchangeReply(Request);

/// <summary>
/// The engine did not send the request because it would have spent the exchange's rate limit past what the
/// engine allows itself (<c>rate-headroom</c> for prices and queries, the whole limit for orders and cancels):
/// nothing was sent, and the exchange was spared the 429 and the ban that follow.
/// </summary>
/// <param name="RetryAfter">Time until the exchange's window frees enough for this kind of request.</param>
public sealed record RateBudgetExhausted(ExchangeRequest Request, TimeSpan RetryAfter, string Detail) : ExchangeReply(Request);

/// <summary>
/// No exchange could quote the price, so it comes from the exchange's market data feed instead: the last
/// trade it streamed, <paramref name="Age"/> old. A price to judge by its age, not a fresh quote.
/// </summary>
public sealed record FeedPriceQuoted(GetPrice Query, decimal Price, TimeSpan Age) : ExchangeReply(Query);
