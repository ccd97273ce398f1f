namespace TradingActors.Exchanges;

public enum OrderSide { Buy, Sell }

/// <summary>
/// A request for one exchange. Every request that enters the engine gets exactly one
/// <see cref="ExchangeReply"/>, which names it by <see cref="Id"/>.
/// </summary>
public abstract record ExchangeRequest(string Exchange)
{
    /// <summary>
    /// Who this request is: a new one for each request made, kept by copies (<c>with</c>), so a request
    /// rerouted to another exchange is still the same request. A caller may set its own; two requests
    /// with one id are never in flight at once (the second is answered <see cref="InvalidRequest"/>).
    /// </summary>
    public RequestId Id { get; init; } = RequestId.New();

    /// <summary>This request, or a copy with a new id when it came without one (a default value, a message from elsewhere).</summary>
    internal ExchangeRequest Identified() => Id.IsEmpty ? this with { Id = RequestId.New() } : this;

    /// <summary>True when sending it twice does no harm, so an unknown outcome may be retried.</summary>
    public abstract bool IsIdempotent { get; }
}

/// <summary>Places an order; a market order when <paramref name="LimitPrice"/> is null.</summary>
/// <param name="ClientOrderId">The caller's id for the order: the exchange refuses a second open order
/// with the same id, and it is how an order with an unknown outcome is found again.</param>
public sealed record PlaceOrder(
    string Exchange, string Symbol, OrderSide Side, decimal Quantity, decimal? LimitPrice, string ClientOrderId)
    : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => false;

    /// <summary>
    /// An order with a client order id of the engine's making, for a caller that has none of its own: 32 hex digits,
    /// in the form every exchange accepts, and new each time. Keep it: it is how a retry is known to be the same order.
    /// </summary>
    public static PlaceOrder WithNewId(string exchange, string symbol, OrderSide side, decimal quantity, decimal? limitPrice = null) =>
        new(exchange, symbol, side, quantity, limitPrice, Guid.NewGuid().ToString("N"));
}

/// <summary>Cancels an open order. Cancelling twice is harmless: the second is refused as an unknown order.</summary>
public sealed record CancelOrder(string Exchange, string Symbol, string ClientOrderId) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}

public sealed record GetOrderStatus(string Exchange, string Symbol, string ClientOrderId) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}

/// <summary>Lists every order open at the exchange's account, whoever placed it: how the order ledger finds the ones it did not send.</summary>
public sealed record GetOpenOrders(string Exchange) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}

public sealed record GetPrice(string Exchange, string Symbol) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}

/// <summary>The exchange's cheapest call, used as a health check before real requests are let through.</summary>
public sealed record Ping(string Exchange) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}
