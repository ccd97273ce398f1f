using Akka.Actor;
using TradingActors.Exchanges;
using TradingActors.MarketData;
using TradingActors.Registry;

namespace TradingActors.Routing;

/// <summary>
/// Sends a request to its exchange and, when that exchange cannot take it, to the next exchange of
/// its fallback chain (<c>trading.routing.fallbacks</c>). A price goes on when the exchange is open,
/// full or failing; when the whole chain fails, the primary's market data feed answers with its last
/// price and its age, if it has one. An order goes on only when the exchange provably did not execute it
/// (circuit open, bulkhead full, rate limited or over its rate budget, refused before sending): never after an unknown outcome,
/// which may have filled. Cancels and status queries stay with the exchange that holds the order.
/// The reply is the last exchange's own; its request names the exchange that served it.
/// Once the registry has said where an exchange's breaker is (<see cref="ExchangeRegistry.Resolve"/>), its
/// requests go straight to it, one hop shorter; a breaker that stops is forgotten, and what was in flight on
/// it is answered as of unknown outcome, since it may have reached the exchange.
/// </summary>
public static class FallbackRouter
{
    /// <param name="exchanges">The registry (or anything that answers requests as it does; one that leaves
    /// <see cref="ExchangeRegistry.Resolve"/> unanswered keeps every request passing through it).</param>
    /// <param name="feeds">The market data feeds, asked for a last price when no exchange can quote one.</param>
    public static Props Props(IActorRef exchanges, IReadOnlyDictionary<string, IReadOnlyList<string>> fallbacks, IActorRef? feeds = null) =>
        Akka.Actor.Props.Create(() => new FallbackRouterActor(exchanges, fallbacks, feeds ?? ActorRefs.Nobody));

    /// <summary>Whether <paramref name="reply"/> leaves its request free to be tried on another exchange.</summary>
    public static bool MayFallBack(ExchangeReply reply) => (reply.Request, reply) switch
    {
        (GetPrice or PlaceOrder, CircuitOpen or BulkheadFull or RateBudgetExhausted) => true,
        (GetPrice, ExchangeFailed) => true,
        (PlaceOrder, ExchangeFailed { Outcome: ExecutionOutcome.NotExecuted }) => true,
        _ => false,
    };
}

internal sealed class FallbackRouterActor(
    IActorRef exchanges, IReadOnlyDictionary<string, IReadOnlyList<string>> fallbacks, IActorRef feeds) : UntypedActor
{
    /// <param name="Request">The attempt in flight.</param>
    private readonly record struct Routing(ExchangeRequest Request, IActorRef Caller, IReadOnlyList<string> Chain, int Next);

    // Price requests whose every exchange failed, waiting for their feed's last price. A feed answers in
    // the order it was asked, so each (exchange, symbol) queue is matched first in, first out.
    private readonly Dictionary<(string Exchange, string Symbol), Queue<(IActorRef Caller, ExchangeReply Failure)>> _askedFeeds = [];

    // Every attempt keeps its request's id, so a reply is found again by it, whichever exchange answered.
    private readonly Dictionary<RequestId, Routing> _routing = new();
    private readonly Dictionary<string, IReadOnlyList<string>> _chains = new(StringComparer.Ordinal);

    // Where each exchange's requests go once the registry has said, and the exchanges it has been asked about.
    private readonly Dictionary<string, IActorRef> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                request = request.Identified();
                if (_routing.ContainsKey(request.Id))
                    Sender.Tell(new InvalidRequest(request, $"request {request.Id} is already in flight"));
                else
                    Attempt(request, new Routing(request, Sender, ChainFrom(request.Exchange), 0));
                break;
            case ExchangeReply reply when _routing.Remove(reply.Request.Id, out var routing):
                Answered(reply, routing);
                break;
            case ExchangeRegistry.Resolved resolved:
                _resolving.Remove(resolved.Exchange);
                _targets[resolved.Exchange] = resolved.Target;
                if (!resolved.Target.Equals(exchanges))
                    Context.Watch(resolved.Target);
                break;
            case Terminated terminated:
                Forget(terminated.ActorRef);
                break;
            case MarketFeed.LastPriceReply last when _askedFeeds.TryGetValue((last.Exchange, last.Symbol), out var waiting):
                var (caller, failure) = waiting.Dequeue();
                if (waiting.Count == 0)
                    _askedFeeds.Remove((last.Exchange, last.Symbol));
                caller.Tell(last is MarketFeed.FeedPrice fed
                    ? new FeedPriceQuoted((GetPrice)failure.Request with { Exchange = last.Exchange }, fed.Price, fed.Age)
                    : failure);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Answered(ExchangeReply reply, Routing routing)
    {
        if (!FallbackRouter.MayFallBack(reply))
            routing.Caller.Tell(reply);
        else if (routing.Next < routing.Chain.Count)
            Attempt(reply.Request, routing);
        else if (reply.Request is GetPrice price && !feeds.IsNobody())
            AskFeed(price with { Exchange = routing.Chain[0] }, routing.Caller, reply);
        else
            routing.Caller.Tell(reply);
    }

    private void Forget(IActorRef breaker)
    {
        var gone = _targets.Where(target => target.Value.Equals(breaker)).Select(target => target.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var exchange in gone)
            _targets.Remove(exchange);
        foreach (var stranded in _routing.Values.Where(routing => gone.Contains(routing.Request.Exchange)).ToList())
        {
            _routing.Remove(stranded.Request.Id);
            Answered(new ExchangeFailed(stranded.Request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null,
                $"the {stranded.Request.Exchange} breaker stopped while the request was in flight"), stranded);
        }
    }

    private IReadOnlyList<string> ChainFrom(string primary)
    {
        if (!_chains.TryGetValue(primary, out var chain))
            _chains[primary] = chain = fallbacks.TryGetValue(primary, out var backups) ? [primary, .. backups] : [primary];
        return chain;
    }

    private void Attempt(ExchangeRequest request, Routing routing)
    {
        var attempt = request.Exchange == routing.Chain[routing.Next] ? request : request with { Exchange = routing.Chain[routing.Next] };
        _routing.Add(attempt.Id, routing with { Request = attempt, Next = routing.Next + 1 });
        if (_targets.TryGetValue(attempt.Exchange, out var breaker))
            breaker.Tell(attempt);
        else
        {
            exchanges.Tell(attempt);
            if (_resolving.Add(attempt.Exchange))
                exchanges.Tell(new ExchangeRegistry.Resolve(attempt.Exchange));
        }
    }

    private void AskFeed(GetPrice price, IActorRef caller, ExchangeReply failure)
    {
        var key = (price.Exchange, price.Symbol);
        if (!_askedFeeds.TryGetValue(key, out var waiting))
            _askedFeeds[key] = waiting = new Queue<(IActorRef, ExchangeReply)>();
        waiting.Enqueue((caller, failure));
        feeds.Tell(new MarketFeed.GetLastPrice(price.Exchange, price.Symbol));
    }

    // Whatever was still being routed is answered: a caller never waits on silence.
    protected override void PostStop()
    {
        foreach (var routing in _routing.Values)
            routing.Caller.Tell(new ExchangeFailed(routing.Request, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null,
                "the router stopped while the request was in flight"));
        foreach (var (caller, failure) in _askedFeeds.Values.SelectMany(waiting => waiting))
            caller.Tell(failure);
    }
}
