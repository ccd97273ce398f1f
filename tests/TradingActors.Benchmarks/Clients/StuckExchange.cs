using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Clients;

/// <summary>
/// An exchange whose calls hang the way an HTTP call to a dead server does: each holds its own pending
/// state (here a buffer the size of a small request and response) until it ends or its cancellation
/// token fires, or until <see cref="Release"/>. <paramref name="honoursCancellation"/> off plays a client
/// that ignores the token.
/// </summary>
internal sealed class StuckExchange(bool honoursCancellation) : IExchangeClient
{
    private const int PendingBytes = 512;

    private TaskCompletionSource _released = new();

    public ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation) =>
        new(Pending(_released.Task, honoursCancellation ? cancellation : CancellationToken.None));

    /// <summary>Ends every call still pending, so that none outlives its iteration.</summary>
    public void Release() => Interlocked.Exchange(ref _released, new TaskCompletionSource()).TrySetResult();

    private static async Task<decimal> Pending(Task released, CancellationToken cancellation)
    {
        var buffer = new byte[PendingBytes];
        await released.WaitAsync(cancellation).ConfigureAwait(false);
        return buffer.Length;
    }

    public ValueTask PingAsync(CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) => throw PricesOnly();
    public ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) => throw PricesOnly();

    private static NotSupportedException PricesOnly() => new("the abandoned-call benchmarks only ask for prices");
}
