using Akka.Actor;
using Akka.Hosting;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.MarketData;
using TradingActors.Registry;

namespace TradingActors.Hosting;

/// <summary>
/// The engine for code that is not an actor. Every call completes with the engine's one reply to the
/// request: a result, a failure with its kind and outcome, or a rejection; it never throws for an
/// exchange's trouble. Cancelling gives up waiting; the request itself may still reach the exchange.
/// Orders and prices go through the fallback router; cancels and status queries stay on their exchange.
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

internal sealed class TradingEngineFacade(
    IRequiredActor<TradingEngineHosting.Keys.Router> router,
    IRequiredActor<TradingEngineHosting.Keys.Exchanges> exchanges,
    IRequiredActor<TradingEngineHosting.Keys.Feeds> feeds) : ITradingEngine
{
    public Task<ExchangeReply> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Router>(router, order, cancellation);

    public Task<ExchangeReply> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Exchanges>(exchanges, cancel, cancellation);

    public Task<ExchangeReply> GetOrderStatusAsync(GetOrderStatus query, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Exchanges>(exchanges, query, cancellation);

    public Task<ExchangeReply> GetPriceAsync(GetPrice query, CancellationToken cancellation = default) =>
        Ask<ExchangeReply, TradingEngineHosting.Keys.Router>(router, query, cancellation);

    public async Task<IReadOnlyList<CircuitBreaker.Status>> GetStatusesAsync(CancellationToken cancellation = default) =>
        (await Ask<ExchangeRegistry.Statuses, TradingEngineHosting.Keys.Exchanges>(exchanges, ExchangeRegistry.GetStatuses.Instance, cancellation)).Exchanges;

    public Task<CircuitBreaker.Status> SendAsync(CircuitBreaker.Command command, CancellationToken cancellation = default) =>
        Ask<CircuitBreaker.Status, TradingEngineHosting.Keys.Exchanges>(exchanges, command, cancellation);

    public async Task<IReadOnlyList<MarketFeed.Status>> GetFeedStatusesAsync(CancellationToken cancellation = default) =>
        (await Ask<MarketFeeds.Statuses, TradingEngineHosting.Keys.Feeds>(feeds, MarketFeeds.GetStatuses.Instance, cancellation)).Feeds;

    // No timeout of its own: the engine answers every request, at the latest at its call timeout.
    // Once the actor is known (always, after start) this is a bare Ask, with no state machine of its own.
    private static Task<T> Ask<T, TKey>(IRequiredActor<TKey> target, object message, CancellationToken cancellation) =>
        target.ActorRef is { } actor ? actor.Ask<T>(message, null, cancellation) : AskOnceStarted<T, TKey>(target, message, cancellation);

    private static async Task<T> AskOnceStarted<T, TKey>(IRequiredActor<TKey> target, object message, CancellationToken cancellation)
    {
        var actor = await target.GetAsync(cancellation).ConfigureAwait(false);
        return await actor.Ask<T>(message, null, cancellation).ConfigureAwait(false);
    }
}
