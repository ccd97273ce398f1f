using Akka.Actor;
using Akka.Hosting;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.MarketData;
using TradingActors.Orders;
using TradingActors.Registry;

namespace TradingActors.Hosting;

/// <summary>
/// The engine for code that is not an actor. Every call completes with the engine's one reply to the
/// request: a result, a failure with its kind and outcome, or a rejection; it never throws for an
/// exchange's trouble. It throws only when there is no engine to answer: <see cref="TradingEngineStoppedException"/>
/// at once when the engine is stopping or stopped, and <see cref="TradingEngineTimeoutException"/> when no
/// answer came within <c>trading.facade.answer-timeout</c>. Cancelling gives up waiting; the request itself
/// may still reach the exchange. Orders, cancels and order queries go through the order ledger (orders on
/// through the fallback router, which moves an order on only while it provably did not execute); prices
/// through the router; cancels and status queries stay on their exchange.
/// </summary>
public interface ITradingEngine
{
    /// <summary>
    /// Completes when the order with <paramref name="clientOrderId"/> is final (filled, cancelled, rejected or
    /// expired), as the ledger has reconciled it; only the caller's token bounds the wait. Throws
    /// <see cref="ArgumentException"/> for an id the ledger has no order for.
    /// </summary>
    Task<OrderSettled> WaitForFinalAsync(string clientOrderId, CancellationToken cancellation = default);

    /// <summary>The orders the ledger holds, per exchange: in flight, open, unknown, needing attention, reconciled.</summary>
    Task<OrderLedger.Status> GetOrdersAsync(CancellationToken cancellation = default);

    Task<ExchangeReply> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation = default);
    Task<ExchangeReply> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation = default);
    Task<ExchangeReply> GetOrderStatusAsync(GetOrderStatus query, CancellationToken cancellation = default);
    Task<ExchangeReply> GetPriceAsync(GetPrice query, CancellationToken cancellation = default);
    /// <summary>Every exchange's breaker in a few figures (<see cref="CircuitBreaker.Summary"/>), cheap with thousands of exchanges.</summary>
    Task<IReadOnlyList<CircuitBreaker.Summary>> GetStatusesAsync(CancellationToken cancellation = default);

    /// <summary>One exchange's breaker in detail: its failure window, settings, response times and transitions.</summary>
    Task<CircuitBreaker.Status> GetStatusAsync(string exchange, CancellationToken cancellation = default);

    Task<CircuitBreaker.Status> SendAsync(CircuitBreaker.Command command, CancellationToken cancellation = default);
    Task<IReadOnlyList<MarketFeed.Status>> GetFeedStatusesAsync(CancellationToken cancellation = default);
}

/// <summary>The engine's actor system is shutting down or gone: nothing will answer the call.</summary>
public sealed class TradingEngineStoppedException(string message) : InvalidOperationException(message);

/// <summary>The engine did not answer a call within its bound; <see cref="Exchange"/> names the exchange it was for.</summary>
public sealed class TradingEngineTimeoutException(string exchange, TimeSpan waited)
    : TimeoutException($"no answer from the trading engine for {exchange} within {Durations.Text(waited)}")
{
    public string Exchange { get; } = exchange;
}

internal sealed class TradingEngineFacade : ITradingEngine
{
    private readonly IRequiredActor<TradingEngineHosting.Keys.Router> _router;
    private readonly IRequiredActor<TradingEngineHosting.Keys.Exchanges> _exchanges;
    private readonly IRequiredActor<TradingEngineHosting.Keys.Feeds> _feeds;
    private readonly IRequiredActor<TradingEngineHosting.Keys.Orders> _orders;
    private readonly TradingSettings _settings;
    private readonly IScheduler _scheduler;
    // Cancelled as the actor system begins to shut down: calls waiting then end at once, and later ones never start.
    private readonly CancellationTokenSource _stopping = new();

    public TradingEngineFacade(
        ActorSystem system,
        IRequiredActor<TradingEngineHosting.Keys.Router> router,
        IRequiredActor<TradingEngineHosting.Keys.Exchanges> exchanges,
        IRequiredActor<TradingEngineHosting.Keys.Feeds> feeds,
        IRequiredActor<TradingEngineHosting.Keys.Orders> orders)
    {
        (_router, _exchanges, _feeds, _orders) = (router, exchanges, feeds, orders);
        _settings = TradingSettings.From(system.Settings.Config);
        _scheduler = system.Scheduler;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "trading-facade-stopping", () =>
        {
            _stopping.Cancel();
            return Task.FromResult(Akka.Done.Instance);
        });
        system.WhenTerminated.ContinueWith(_ => _stopping.Cancel(), TaskScheduler.Default);
    }

    public Task<ExchangeReply> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Orders>(_orders, order, Bound(order.Exchange, routed: true), cancellation);

    public Task<ExchangeReply> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Orders>(_orders, cancel, Bound(cancel.Exchange), cancellation);

    public Task<ExchangeReply> GetOrderStatusAsync(GetOrderStatus query, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Orders>(_orders, query, Bound(query.Exchange), cancellation);

    public async Task<OrderSettled> WaitForFinalAsync(string clientOrderId, CancellationToken cancellation = default) =>
        await Ask<object, TradingEngineHosting.Keys.Orders>(_orders, new OrderLedger.WaitForFinal(clientOrderId), null, cancellation) switch
        {
            OrderSettled settled => settled,
            _ => throw new ArgumentException($"the order ledger has no order with client order id {clientOrderId}", nameof(clientOrderId)),
        };

    public Task<OrderLedger.Status> GetOrdersAsync(CancellationToken cancellation = default) =>
        Ask<OrderLedger.Status, TradingEngineHosting.Keys.Orders>(_orders, OrderLedger.GetStatus.Instance, Bound("the order ledger"), cancellation);

    public Task<ExchangeReply> GetPriceAsync(GetPrice query, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Router>(_router, query, Bound(query.Exchange, routed: true), cancellation);

    public async Task<IReadOnlyList<CircuitBreaker.Summary>> GetStatusesAsync(CancellationToken cancellation = default) =>
        (await Ask<ExchangeRegistry.Statuses, TradingEngineHosting.Keys.Exchanges>(
            _exchanges, ExchangeRegistry.GetStatuses.Instance, Bound("every exchange"), cancellation)).Exchanges;

    public Task<CircuitBreaker.Status> GetStatusAsync(string exchange, CancellationToken cancellation = default) =>
        SendAsync(new CircuitBreaker.GetStatus(exchange), cancellation);

    public Task<CircuitBreaker.Status> SendAsync(CircuitBreaker.Command command, CancellationToken cancellation = default) =>
        Ask<CircuitBreaker.Status, TradingEngineHosting.Keys.Exchanges>(_exchanges, command, Bound(command.Exchange), cancellation);

    public async Task<IReadOnlyList<MarketFeed.Status>> GetFeedStatusesAsync(CancellationToken cancellation = default) =>
        (await Ask<MarketFeeds.Statuses, TradingEngineHosting.Keys.Feeds>(
            _feeds, MarketFeeds.GetStatuses.Instance, Bound("every feed"), cancellation)).Feeds;

    private (string Exchange, TimeSpan Wait) Bound(string exchange, bool routed = false) =>
        (exchange, _settings.AnswerTimeout(exchange, routed));

    /// <param name="bound">The exchange the call is for and how long to wait; null: as long as the caller's token allows.</param>
    private async Task<T> Ask<T, TKey>(IRequiredActor<TKey> target, object message, (string Exchange, TimeSpan Wait)? bound,
        CancellationToken cancellation)
    {
        if (_stopping.IsCancellationRequested)
            throw Stopped();
        using var giveUp = cancellation.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stopping.Token)
            : CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        // On the actor system's scheduler, like every other timeout of the engine, so virtual time drives it in tests.
        var deadline = bound is { Wait: var wait } ? _scheduler.Advanced.ScheduleOnceCancelable(wait, giveUp.Cancel) : null;
        try
        {
            var actor = target.ActorRef ?? await target.GetAsync(giveUp.Token).ConfigureAwait(false);
            return await actor.Ask<T>(message, null, giveUp.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw _stopping.IsCancellationRequested || bound is not { } timedOut ? Stopped() : new TradingEngineTimeoutException(timedOut.Exchange, timedOut.Wait);
        }
        finally
        {
            deadline?.Cancel();
        }
    }

    private static TradingEngineStoppedException Stopped() =>
        new("the trading engine is stopped: its actor system is shutting down or has terminated, so nothing will answer");
}
