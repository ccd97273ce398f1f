namespace TradingActors.Exchanges;

public enum OrderSide { Buy, Sell }

/// <summary>
/// A request for one exchange. Every request that enters the engine gets exactly one
/// <see cref="ExchangeReply"/>. Requests are compared by value, so a reply's request equals
/// the one that was sent even when the engine had to copy it.
/// </summary>
public abstract record ExchangeRequest(string Exchange)
{
    /// <summary>True when sending it twice does no harm, so an unknown outcome may be retried.</summary>
    public abstract bool IsIdempotent { get; }
}

/// <summary>Places an order; a market order when <paramref name="LimitPrice"/> is null.</summary>
/// <param name="ClientOrderId">The caller's id for the order: the exchange refuses a second open order
/// with the same id, and it is how an order with an unknown outcome is found again.</param>
public sealed record PlaceOrder(
    string Exchange, string Symbol, OrderSide Side, double Quantity, double? LimitPrice, string ClientOrderId)
    : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => false;
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

public sealed record GetPrice(string Exchange, string Symbol) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}

/// <summary>The exchange's cheapest call, used as a health check before real requests are let through.</summary>
public sealed record Ping(string Exchange) : ExchangeRequest(Exchange)
{
    public override bool IsIdempotent => true;
}
