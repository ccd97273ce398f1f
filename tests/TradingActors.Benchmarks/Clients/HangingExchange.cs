using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Clients;

/// <summary>
/// An exchange whose price calls never answer until <see cref="Release"/>: every call waits on one
/// shared task, so holding 100,000 calls costs the exchange nothing per call, and what is measured is
/// the engine's work.
/// </summary>
internal sealed class HangingExchange : IExchangeClient
{
    // Created without RunContinuationsAsynchronously: the waiting calls finish inside Release, not after it.
    private readonly TaskCompletionSource<decimal> _answer = new();

    public ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation) => new(_answer.Task);

    public ValueTask PingAsync(CancellationToken cancellation) => new(_answer.Task);

    public ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) => throw PricesOnly();

    /// <summary>Fails every call still waiting, as a dropped connection would, so that none outlives its benchmark.</summary>
    public void Release() => _answer.TrySetException(new ExchangeFailureException(
        FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, "the benchmark released the hanging exchange"));

    private static NotSupportedException PricesOnly() => new("the many-in-flight benchmarks only ask for prices");
}
