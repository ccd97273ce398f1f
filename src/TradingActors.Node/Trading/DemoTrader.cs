using Akka.Actor;
using Akka.Event;
using TradingActors.Exchanges;
using TradingActors.Orders;

namespace TradingActors.Node.Trading;

/// <summary>
/// The demo's small trader. Every tick it asks each exchange for a price; every few ticks it places a
/// market order (buys and sells in turn, so the balances last) and moves a resting limit order: the
/// one placed last time is cancelled where it rests, and a new one is placed below the market. A cancel
/// the exchange could not take (failed, open, full) is sent again on the next trade, as a trader keeps
/// trying to pull an order from an exchange in trouble. A resting order whose outcome is unknown is pulled
/// the same way, in case it rests, and again if the ledger later finds it resting.
/// Prices go through the fallback router, orders and cancels through the order ledger, which journals
/// each order before it is sent and sends it on through the router: an exchange that cannot take it
/// hands it to its backup; cancels stay with the exchange that holds the order.
/// </summary>
public static class DemoTrader
{
    public sealed record Settings(IReadOnlyList<string> Exchanges, string Symbol, decimal Quantity, TimeSpan Tick, int OrderEvery);

    /// <param name="router">The engine's fallback router, for prices.</param>
    /// <param name="orders">The engine's order ledger, for orders and cancels.</param>
    public static Props Props(IActorRef router, IActorRef orders, Settings settings) =>
        Akka.Actor.Props.Create(() => new DemoTraderActor(router, orders, settings));

    /// <summary>
    /// Stops trading and pulls its resting orders, as a trader does before it goes away; answered with
    /// <see cref="Drained"/> once every request sent has had its reply.
    /// </summary>
    public sealed record Drain
    {
        public static readonly Drain Instance = new();
    }

    public sealed record Drained
    {
        public static readonly Drained Instance = new();
    }

    /// <summary>Asks for the <see cref="Fallbacks"/> served so far.</summary>
    public sealed record GetFallbacks
    {
        public static readonly GetFallbacks Instance = new();
    }

    /// <param name="Served">Per exchange, the requests it answered for another exchange that could not take them.</param>
    public sealed record Fallbacks(IReadOnlyDictionary<string, long> Served);
}

internal sealed class DemoTraderActor : UntypedActor, IWithTimers
{
    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }

    /// <summary>The engine's reply to a request meant for <paramref name="Exchange"/>; null if the ask itself failed.</summary>
    private sealed record Answered(string Exchange, ExchangeReply? Reply);

    // Resting orders sit this far below the market, so that they stay open until the trader cancels them.
    private const decimal RestingDiscount = 0.9m;

    private readonly IActorRef _router;
    private readonly IActorRef _ledger;
    private readonly DemoTrader.Settings _settings;
    // Client order ids must be unique among open orders, also across runs against one simulator.
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    // Per exchange the orders were meant for: the cancels to send on its next trade.
    private readonly Dictionary<string, List<CancelOrder>> _toCancel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _fallbacksServed = new(StringComparer.Ordinal);
    private decimal? _lastPrice;
    private long _ticks;
    private long _orders;
    private int _outstanding;
    private IActorRef? _drainer;

    public DemoTraderActor(IActorRef router, IActorRef orders, DemoTrader.Settings settings)
    {
        _router = router;
        _ledger = orders;
        _settings = settings;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(nameof(Tick), Tick.Instance, _settings.Tick);
        Context.System.EventStream.Subscribe<OrderReconciled>(Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Tick:
                _ticks++;
                foreach (var exchange in _settings.Exchanges)
                {
                    Send(exchange, new GetPrice(exchange, _settings.Symbol));
                    if (_ticks % _settings.OrderEvery == 0)
                        Trade(exchange);
                }
                break;
            case Answered answered:
                _outstanding--;
                Record(answered);
                if (_drainer is not null && _outstanding == 0)
                    _drainer.Tell(DemoTrader.Drained.Instance);
                break;
            case OrderReconciled { Life: OrderLife.Open } resting when resting.ClientOrderId.StartsWith($"demo-{_run}-", StringComparison.Ordinal):
                CancelLater(resting.Exchange, new CancelOrder(resting.Exchange, _settings.Symbol, resting.ClientOrderId));
                break;
            case OrderReconciled:
                break;
            case DemoTrader.Drain:
                Timers.CancelAll();
                _drainer = Sender;
                foreach (var (exchange, cancels) in _toCancel)
                    foreach (var cancel in cancels)
                        Send(exchange, cancel);
                _toCancel.Clear();
                if (_outstanding == 0)
                    Sender.Tell(DemoTrader.Drained.Instance);
                break;
            case DemoTrader.GetFallbacks:
                Sender.Tell(new DemoTrader.Fallbacks(new Dictionary<string, long>(_fallbacksServed)));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Trade(string exchange)
    {
        var side = _ticks / _settings.OrderEvery % 2 == 0 ? OrderSide.Sell : OrderSide.Buy;
        Send(exchange, new PlaceOrder(exchange, _settings.Symbol, side, _settings.Quantity, null, NextOrderId()));
        if (_toCancel.Remove(exchange, out var cancels))
            foreach (var cancel in cancels)
                Send(exchange, cancel);
        if (_lastPrice is { } price)
            Send(exchange, new PlaceOrder(exchange, _settings.Symbol, OrderSide.Buy, _settings.Quantity,
                Math.Round(price * RestingDiscount, 2), NextOrderId()));
    }

    // An ask per request: its reply comes back with the exchange it was meant for, whichever exchange served it.
    private void Send(string exchange, ExchangeRequest request)
    {
        _outstanding++;
        (request is GetPrice ? _router : _ledger).Ask<ExchangeReply>(request).PipeTo(Self,
            success: reply => new Answered(exchange, reply),
            failure: _ => new Answered(exchange, null));
    }

    private void Record(Answered answered)
    {
        switch (answered.Reply)
        {
            case PriceQuoted quoted:
                _lastPrice = quoted.Price;
                CountFallback(answered.Exchange, quoted);
                break;
            case OrderPlaced { Report.State: OrderState.New } resting:
                CancelLater(answered.Exchange, new CancelOrder(resting.Order.Exchange, resting.Order.Symbol, resting.Order.ClientOrderId));
                CountFallback(answered.Exchange, resting);
                break;
            case ExchangeFailed or CircuitOpen or BulkheadFull when answered.Reply.Request is CancelOrder cancel:
                CancelLater(answered.Exchange, cancel);
                break;
            case OrderPlaced placed:
                CountFallback(answered.Exchange, placed);
                break;
            case OrderOutcomeUnknown { Order.LimitPrice: not null } unknown:
                CancelLater(answered.Exchange, new CancelOrder(unknown.Order.Exchange, unknown.Order.Symbol, unknown.Order.ClientOrderId));
                break;
        }
    }

    private void CancelLater(string exchange, CancelOrder cancel)
    {
        // Draining, there is no next trade to send it with: what is left open stays in the ledger as open.
        if (_drainer is not null)
            return;
        if (!_toCancel.TryGetValue(exchange, out var cancels))
            _toCancel[exchange] = cancels = [];
        cancels.Add(cancel);
    }

    private void CountFallback(string meantFor, ExchangeReply reply)
    {
        var servedBy = reply.Request.Exchange;
        if (servedBy != meantFor)
            _fallbacksServed[servedBy] = _fallbacksServed.GetValueOrDefault(servedBy) + 1;
    }

    private string NextOrderId() => $"demo-{_run}-{++_orders}";
}
