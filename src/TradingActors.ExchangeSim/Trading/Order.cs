namespace TradingActors.ExchangeSim.Trading;

internal enum OrderSide { Buy, Sell }

internal enum OrderType { Limit, Market }

internal enum TimeInForce { Gtc, Ioc, Fok }

internal enum OrderStatus { New, Filled, Canceled, Expired }

/// <summary>What a client asked for, already checked for form; the market checks it against prices and balances.</summary>
/// <param name="Price">The limit price; zero for a market order.</param>
/// <param name="ClientOrderId">Null: the exchange makes one up.</param>
internal sealed record OrderRequest(
    string Symbol, OrderSide Side, OrderType Type, TimeInForce TimeInForce, decimal Quantity, decimal Price, string? ClientOrderId);

/// <summary>The funds an open order holds back from its account until it fills or is cancelled.</summary>
internal readonly record struct Reservation(string Asset, decimal Amount);

/// <summary>The one execution of an order (the simulator fills orders whole).</summary>
/// <param name="Maker">The order was resting on the book when it filled, rather than taking liquidity as it came in.</param>
internal sealed record Fill(decimal Price, decimal Quantity, long TradeId, bool Maker);

/// <summary>An order as the exchange keeps it; each change of status is a new copy.</summary>
internal sealed record Order(long OrderId, string ApiKey, string ClientOrderId, OrderRequest Request, Reservation Reservation, DateTimeOffset Time)
{
    public OrderStatus Status { get; init; } = OrderStatus.New;
    public DateTimeOffset UpdateTime { get; init; } = Time;
    public Fill? Fill { get; init; }

    public bool IsOpen => Status == OrderStatus.New;
    public decimal ExecutedQuantity => Fill?.Quantity ?? 0;
    public decimal QuoteQuantity => Fill is { } fill ? fill.Price * fill.Quantity : 0;
}

/// <summary>How a client names an existing order: by the exchange's id, which wins when both are sent, or by its own.</summary>
internal sealed record OrderReference(long? OrderId, string? ClientOrderId);
