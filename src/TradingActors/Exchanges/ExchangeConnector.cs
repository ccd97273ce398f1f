using System.Collections.Concurrent;
using Akka.Actor;

namespace TradingActors.Exchanges;

/// <summary>
/// The exchange actor: the only place that talks to an exchange. It runs each request on its
/// <see cref="IExchangeClient"/> (unless a client that keeps a rate budget says the request would spend it:
/// then it is answered <see cref="RateBudgetExhausted"/> unsent) and tells its parent, the breaker, the one reply; it never blocks
/// its thread, and it never answers the caller itself (the breaker does, so that a late answer
/// can be dropped).
/// </summary>
public static class ExchangeConnector
{
    /// <summary>The exchange actor, made to be a breaker's child: in the breaker's <see cref="Breaker.CompactMailbox"/>, which the breaker installs.</summary>
    public static Props Props(IExchangeClient client) =>
        new(Breaker.CompactMailbox.Deploy, typeof(ExchangeConnectorActor), client);

    /// <summary>
    /// Told to the parent when the connector crashed. <paramref name="Request"/> is the request it
    /// was handling, if any: its I/O never started, and the calls already running were cancelled.
    /// </summary>
    public sealed record Crashed(ExchangeRequest? Request, string Reason);

    /// <summary>
    /// The breaker has answered the request without the exchange (its call timeout passed): the call's
    /// cancellation token fires, so a hanging exchange does not keep abandoned calls and their memory alive.
    /// </summary>
    public sealed record Abandon(RequestId Request);
}

internal sealed class ExchangeConnectorActor(IExchangeClient client) : UntypedActor
{
    private readonly IRateBudgeted? _budget = client as IRateBudgeted;

    // The token source of each call still running, by request id. A call that ends at once never
    // needs one of its own: it takes the spare, which stays spare since nothing can cancel it after.
    // Made with the first call that does not end at once: an exchange answered from memory never needs it.
    private ConcurrentDictionary<RequestId, CancellationTokenSource>? _running;
    private CancellationTokenSource _spare = new();
    private volatile bool _stopped;

    protected override void OnReceive(object message)
    {
        if (_budget is not null && message is ExchangeRequest request && _budget.Admit(request) is { } spared)
        {
            Context.Parent.Tell(spared);
            return;
        }
        var cancellation = _spare.Token;
        switch (message)
        {
            case PlaceOrder order:
                Reply(order, client.PlaceOrderAsync(order, cancellation), static (o, r) => new OrderPlaced(o, r));
                break;
            case CancelOrder cancel:
                Reply(cancel, client.CancelOrderAsync(cancel, cancellation), static (c, r) => new OrderCancelled(c, r));
                break;
            case GetOrderStatus query:
                Reply(query, client.GetOrderAsync(query, cancellation), static (q, r) => new OrderFound(q, r));
                break;
            case GetOpenOrders query:
                Reply(query, client.GetOpenOrdersAsync(query, cancellation), static (q, r) => new OpenOrdersListed(q, r));
                break;
            case GetPrice query:
                Reply(query, client.GetPriceAsync(query, cancellation), static (q, p) => new PriceQuoted(q, p));
                break;
            case Ping ping:
                Reply(ping, Pinged(client.PingAsync(cancellation)), static (p, _) => new Pong(p));
                break;
            case ExchangeConnector.Abandon abandon:
                if (_running is not null && _running.TryRemove(abandon.Request, out var abandoned))
                {
                    abandoned.Cancel();
                    abandoned.Dispose();
                }
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Reply<TRequest, TResult>(
        TRequest request, ValueTask<TResult> pending, Func<TRequest, TResult, ExchangeReply> success)
        where TRequest : ExchangeRequest
    {
        // An exchange that answers at once (in memory, a cache) costs no task and no continuation.
        if (pending.IsCompletedSuccessfully)
        {
            Context.Parent.Tell(success(request, pending.Result));
            return;
        }
        CancellationTokenSource? own = null;
        if (!pending.IsCompleted)
        {
            own = _spare;
            _spare = new CancellationTokenSource();
            (_running ??= new ConcurrentDictionary<RequestId, CancellationTokenSource>())[request.Id] = own;
        }
        _ = ReplyLater(request, pending, success, own, Context.Parent, Self);
    }

    private async Task ReplyLater<TRequest, TResult>(
        TRequest request, ValueTask<TResult> pending, Func<TRequest, TResult, ExchangeReply> success,
        CancellationTokenSource? own, IActorRef breaker, IActorRef self)
        where TRequest : ExchangeRequest
    {
        ExchangeReply reply;
        try
        {
            reply = success(request, await pending.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (own?.IsCancellationRequested == true)
        {
            reply = new ExchangeFailed(request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null, _stopped
                ? "the exchange connector stopped while the call was in flight"
                : "abandoned at its call timeout");
        }
        catch (Exception error)
        {
            reply = FailureClassifier.Classify(request, error);
        }
        if (own is not null && _running!.TryRemove(new KeyValuePair<RequestId, CancellationTokenSource>(request.Id, own)))
            own.Dispose();
        breaker.Tell(reply, self);
    }

    private static async ValueTask<bool> Pinged(ValueTask ping)
    {
        await ping.ConfigureAwait(false);
        return true;
    }

    protected override void PreRestart(Exception reason, object message)
    {
        Context.Parent.Tell(new ExchangeConnector.Crashed(message as ExchangeRequest, reason.Message));
        base.PreRestart(reason, message);
    }

    // No call outlives the incarnation that owns it.
    protected override void PostStop()
    {
        _stopped = true;
        foreach (var running in _running?.Values ?? [])
            running.Cancel();
        _spare.Dispose();
    }
}
