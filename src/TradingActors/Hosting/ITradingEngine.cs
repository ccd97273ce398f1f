using Akka.Actor;
using Akka.Hosting;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.MarketData;
using TradingActors.Registry;

namespace TradingActors.Hosting;

/// <summary>
/// The engine for code that is not an actor. Every call completes with the engine's one reply to the
/// request: a result, a failure with its kind and outcome, or a rejection; it never throws for an
/// exchange's trouble. It throws only when there is no engine to answer: <see cref="TradingEngineStoppedException"/>
/// at once when the engine is stopping or stopped, and <see cref="TradingEngineTimeoutException"/> when no
/// answer came within <c>trading.facade.answer-timeout</c>. Cancelling gives up waiting; the request itself
/// may still reach the exchange. Orders and prices go through the fallback router; cancels and status
/// queries stay on their exchange.
/// </summary>
public interface ITradingEngine
{
    Task<ExchangeReply> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation = default);
    Task<ExchangeReply> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation = default);
    Task<ExchangeReply> GetOrderStatusAsync(GetOrderStatus query, CancellationToken cancellation = default);
    Task<ExchangeReply> GetPriceAsync(GetPrice query, CancellationToken cancellation = default);
    Task<IReadOnlyList<CircuitBreaker.Status>> GetStatusesAsync(CancellationToken cancellation = default);
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
    private readonly TradingSettings _settings;
    private readonly IScheduler _scheduler;
    // Cancelled as the actor system begins to shut down: calls waiting then end at once, and later ones never start.
    private readonly CancellationTokenSource _stopping = new();

    public TradingEngineFacade(
        ActorSystem system,
        IRequiredActor<TradingEngineHosting.Keys.Router> router,
        IRequiredActor<TradingEngineHosting.Keys.Exchanges> exchanges,
        IRequiredActor<TradingEngineHosting.Keys.Feeds> feeds)
    {
        (_router, _exchanges, _feeds) = (router, exchanges, feeds);
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
        Ask<ExchangeReply, TradingEngineHosting.Keys.Router>(_router, order, order.Exchange, routed: true, cancellation);

    public Task<ExchangeReply> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Exchanges>(_exchanges, cancel, cancel.Exchange, routed: false, cancellation);

    public Task<ExchangeReply> GetOrderStatusAsync(GetOrderStatus query, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Exchanges>(_exchanges, query, query.Exchange, routed: false, cancellation);

    public Task<ExchangeReply> GetPriceAsync(GetPrice query, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Router>(_router, query, query.Exchange, routed: true, cancellation);

    public async Task<IReadOnlyList<CircuitBreaker.Status>> GetStatusesAsync(CancellationToken cancellation = default) =>
        (await Ask<ExchangeRegistry.Statuses, TradingEngineHosting.Keys.Exchanges>(
            _exchanges, ExchangeRegistry.GetStatuses.Instance, "every exchange", routed: false, cancellation)).Exchanges;

    public Task<CircuitBreaker.Status> SendAsync(CircuitBreaker.Command command, CancellationToken cancellation = default) =>
        Ask<CircuitBreaker.Status, TradingEngineHosting.Keys.Exchanges>(_exchanges, command, command.Exchange, routed: false, cancellation);

    public async Task<IReadOnlyList<MarketFeed.Status>> GetFeedStatusesAsync(CancellationToken cancellation = default) =>
        (await Ask<MarketFeeds.Statuses, TradingEngineHosting.Keys.Feeds>(
            _feeds, MarketFeeds.GetStatuses.Instance, "every feed", routed: false, cancellation)).Feeds;

    private async Task<T> Ask<T, TKey>(IRequiredActor<TKey> target, object message, string exchange, bool routed, CancellationToken cancellation)
    {
        if (_stopping.IsCancellationRequested)
            throw Stopped();
        var wait = _settings.AnswerTimeout(exchange, routed);
        using var giveUp = cancellation.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stopping.Token)
            : CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        // On the actor system's scheduler, like every other timeout of the engine, so virtual time drives it in tests.
        var deadline = _scheduler.Advanced.ScheduleOnceCancelable(wait, giveUp.Cancel);
        try
        {
            var actor = target.ActorRef ?? await target.GetAsync(giveUp.Token).ConfigureAwait(false);
            return await actor.Ask<T>(message, null, giveUp.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw _stopping.IsCancellationRequested ? Stopped() : new TradingEngineTimeoutException(exchange, wait);
        }
        finally
        {
            deadline.Cancel();
        }
    }

    private static TradingEngineStoppedException Stopped() =>
        new("the trading engine is stopped: its actor system is shutting down or has terminated, so nothing will answer");
}
