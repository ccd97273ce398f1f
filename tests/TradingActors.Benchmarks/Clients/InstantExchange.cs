using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Clients;

/// <summary>
/// An exchange that answers every call at once, with a completed ValueTask and no allocation of its
/// own beyond the result, so that a benchmark measures the path around the exchange, not the exchange.
/// </summary>
internal sealed class InstantExchange : IExchangeClient
{
    public static readonly InstantExchange Instance = new();

    public const decimal Price = 42_000m;

    private static readonly OrderReport Filled =
        new("order-1", "1", Engine.Symbol, OrderSide.Buy, OrderState.Filled, 1, 1, Price);

    /// <summary>Every order fills at once, in full, reported under its own client order id as an exchange reports it.</summary>
    public ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation) =>
        new(new OrderReport(order.ClientOrderId, "1", order.Symbol, order.Side, OrderState.Filled, order.Quantity, order.Quantity, Price));
    public ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) => new(Filled);
    public ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) => new(Filled);
    public ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) => new([]);
    public ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation) => new(Price);
    public ValueTask PingAsync(CancellationToken cancellation) => ValueTask.CompletedTask;
}
