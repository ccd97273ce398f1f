using Akka.Actor;

namespace TradingActors.Exchanges.Simulated;

/// <summary>
/// An in-memory exchange whose behaviour is scripted call by call: deterministic, on the actor
/// system's scheduler clock (so the TestScheduler drives its latency and fault windows), and with
/// just enough of an order book to answer orders, cancels and status queries like a real one.
/// Faults are tried in the order they were added; the first that matches a call applies to it.
/// </summary>
public sealed class SimulatedExchangeClient(IScheduler scheduler) : IExchangeClient
{
    private readonly DateTimeOffset _start = scheduler.Now;
    private readonly List<(CallFilter When, SimulatedFault Fault)> _faults = [];
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderReport> _orders = new(StringComparer.Ordinal);
    private readonly Lock _book = new();
    private int _calls;
    private long _nextOrderId;

    /// <summary>How many calls it has received, faulted ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public SimulatedExchangeClient WithPrice(string symbol, decimal price)
    {
        lock (_book)
            _prices[symbol] = price;
        return this;
    }

    public SimulatedExchangeClient WithFault(CallFilter when, SimulatedFault fault)
    {
        lock (_book)
            _faults.Add((when, fault));
        return this;
    }

    public ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation) =>
        Call(cancellation, () =>
        {
            if (!_prices.TryGetValue(order.Symbol, out var price))
                throw new ExchangeRejectionException(RejectionReason.UnknownSymbol, $"unknown symbol {order.Symbol}");
            if (_orders.TryGetValue(order.ClientOrderId, out var open) && open.State == OrderState.New)
                throw new ExchangeRejectionException(RejectionReason.DuplicateOrder, "duplicate order sent");
            var crosses = order.LimitPrice is not { } limit || (order.Side == OrderSide.Buy ? limit >= price : limit <= price);
            var report = new OrderReport(order.ClientOrderId, (++_nextOrderId).ToString(), order.Symbol, order.Side,
                crosses ? OrderState.Filled : OrderState.New, order.Quantity,
                crosses ? order.Quantity : 0, crosses ? price : null);
            _orders[order.ClientOrderId] = report;
            return report;
        });

    public ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) =>
        Call(cancellation, () =>
        {
            if (!_orders.TryGetValue(cancel.ClientOrderId, out var order) || order.State != OrderState.New)
                throw new ExchangeRejectionException(RejectionReason.UnknownOrder, "unknown order sent");
            return _orders[cancel.ClientOrderId] = order with { State = OrderState.Cancelled };
        });

    public ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) =>
        Call(cancellation, () => _orders.TryGetValue(query.ClientOrderId, out var order)
            ? order
            : throw new ExchangeRejectionException(RejectionReason.UnknownOrder, "order does not exist"));

    public ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) =>
        Call<IReadOnlyList<OrderReport>>(cancellation, () => _orders.Values.Where(order => order.State == OrderState.New).ToList());

    public ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation) =>
        Call(cancellation, () => _prices.TryGetValue(query.Symbol, out var price)
            ? price
            : throw new ExchangeRejectionException(RejectionReason.UnknownSymbol, $"unknown symbol {query.Symbol}"));

    public ValueTask PingAsync(CancellationToken cancellation)
    {
        var answer = Call(cancellation, () => true);
        return answer.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(answer.AsTask());
    }

    private ValueTask<T> Call<T>(CancellationToken cancellation, Func<T> answer)
    {
        var number = Interlocked.Increment(ref _calls);
        SimulatedFault? fault;
        lock (_book)
            fault = _faults.FirstOrDefault(f => f.When.Matches(number, scheduler.Now - _start)).Fault;
        switch (fault)
        {
            case SimulatedFault.Crash:
                throw new InvalidOperationException($"simulated client bug on call {number}");
            case SimulatedFault.Hang:
                return new ValueTask<T>(Never<T>(cancellation));
            case SimulatedFault.Fail fail:
                return ValueTask.FromException<T>(new ExchangeFailureException(fail.Kind, fail.Outcome,
                    $"simulated {fail.Kind} on call {number}", fail.RetryAfter));
            case SimulatedFault.Reject reject:
                return ValueTask.FromException<T>(new ExchangeRejectionException(reject.Reason, $"simulated {reject.Reason} on call {number}"));
        }
        T result;
        try
        {
            lock (_book)
                result = answer();
        }
        catch (ExchangeRejectionException rejected)
        {
            return ValueTask.FromException<T>(rejected);
        }
        return fault is SimulatedFault.Slow slow ? new ValueTask<T>(Later(result, slow.Latency, cancellation)) : new ValueTask<T>(result);
    }

    private Task<T> Later<T>(T result, TimeSpan latency, CancellationToken cancellation)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellation.Register(() => answer.TrySetCanceled(cancellation));
        scheduler.Advanced.ScheduleOnce(latency, () => answer.TrySetResult(result));
        return answer.Task;
    }

    private static Task<T> Never<T>(CancellationToken cancellation)
    {
        var never = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        cancellation.Register(() => never.TrySetCanceled(cancellation));
        return never.Task;
    }
}
