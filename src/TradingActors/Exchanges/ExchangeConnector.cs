using Akka.Actor;

namespace TradingActors.Exchanges;

/// <summary>
/// The exchange actor: the only place that talks to an exchange. It runs each request on its
/// <see cref="IExchangeClient"/> and tells its parent, the breaker, the one reply; it never blocks
/// its thread, and it never answers the caller itself (the breaker does, so that a late answer
/// can be dropped).
/// </summary>
public static class ExchangeConnector
{
    public static Props Props(IExchangeClient client) =>
        Akka.Actor.Props.Create(() => new ExchangeConnectorActor(client));

    /// <summary>
    /// Told to the parent when the connector crashed. <paramref name="Request"/> is the request it
    /// was handling, if any: its I/O never started, and the calls already running were cancelled.
    /// </summary>
    public sealed record Crashed(ExchangeRequest? Request, Exception Reason);
}

internal sealed class ExchangeConnectorActor(IExchangeClient client) : UntypedActor
{
    // Cancelled when this incarnation stops or restarts, so that no call outlives the actor that owns it.
    private readonly CancellationTokenSource _incarnation = new();

    protected override void OnReceive(object message)
    {
        var cancellation = _incarnation.Token;
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
            case GetPrice query:
                Reply(query, client.GetPriceAsync(query, cancellation), static (q, p) => new PriceQuoted(q, p));
                break;
            case Ping ping:
                Reply(ping, Pinged(client.PingAsync(cancellation)), static (p, _) => new Pong(p));
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
            Context.Parent.Tell(success(request, pending.Result));
        else
            _ = ReplyLater(request, pending, success, Context.Parent, Self, _incarnation.Token);
    }

    private static async Task ReplyLater<TRequest, TResult>(
        TRequest request, ValueTask<TResult> pending, Func<TRequest, TResult, ExchangeReply> success,
        IActorRef breaker, IActorRef self, CancellationToken incarnation)
        where TRequest : ExchangeRequest
    {
        ExchangeReply reply;
        try
        {
            reply = success(request, await pending.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (incarnation.IsCancellationRequested)
        {
            reply = new ExchangeFailed(request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null,
                "the exchange connector stopped while the call was in flight");
        }
        catch (Exception error)
        {
            reply = FailureClassifier.Classify(request, error);
        }
        breaker.Tell(reply, self);
    }

    private static async ValueTask<bool> Pinged(ValueTask ping)
    {
        await ping.ConfigureAwait(false);
        return true;
    }

    protected override void PreRestart(Exception reason, object message)
    {
        Context.Parent.Tell(new ExchangeConnector.Crashed(message as ExchangeRequest, reason));
        base.PreRestart(reason, message);
    }

    protected override void PostStop() => _incarnation.Cancel();
}
