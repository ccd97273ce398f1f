using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Routing;

/// <summary>
/// Sends a request to its exchange and, when that exchange cannot take it, to the next exchange of
/// its fallback chain (<c>trading.routing.fallbacks</c>). A price goes on when the exchange is open,
/// full or failing. An order goes on only when the exchange provably did not execute it (circuit
/// open, bulkhead full, rate limited, refused before sending): never after an unknown outcome, which
/// may have filled. Cancels and status queries stay with the exchange that holds the order.
/// The reply is the last exchange's own; its request names the exchange that served it.
/// </summary>
public static class FallbackRouter
{
    /// <param name="exchanges">The registry (or anything that answers requests as it does).</param>
    public static Props Props(IActorRef exchanges, IReadOnlyDictionary<string, IReadOnlyList<string>> fallbacks) =>
        Akka.Actor.Props.Create(() => new FallbackRouterActor(exchanges, fallbacks));

    /// <summary>Whether <paramref name="reply"/> leaves its request free to be tried on another exchange.</summary>
    public static bool MayFallBack(ExchangeReply reply) => (reply.Request, reply) switch
    {
        (GetPrice or PlaceOrder, CircuitOpen or BulkheadFull) => true,
        (GetPrice, ExchangeFailed) => true,
        (PlaceOrder, ExchangeFailed { Outcome: ExecutionOutcome.NotExecuted }) => true,
        _ => false,
    };
}

internal sealed class FallbackRouterActor(IActorRef exchanges, IReadOnlyDictionary<string, IReadOnlyList<string>> fallbacks)
    : UntypedActor
{
    private readonly record struct Routing(IActorRef Caller, IReadOnlyList<string> Chain, int Next);

    // Each attempt is its own request instance, so its reply is found again by reference.
    private readonly Dictionary<ExchangeRequest, Routing> _routing = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IReadOnlyList<string>> _chains = new(StringComparer.Ordinal);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                Attempt(request, new Routing(Sender, ChainFrom(request.Exchange), 0));
                break;
            case ExchangeReply reply when _routing.Remove(reply.Request, out var routing):
                if (routing.Next < routing.Chain.Count && FallbackRouter.MayFallBack(reply))
                    Attempt(reply.Request, routing);
                else
                    routing.Caller.Tell(reply);
                break;
            default:
                Unhandled(message);
                break;
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
        // A copy of the router's own: no other path to the breaker can hold the same instance, so the reply finds its way back.
        var attempt = request with { Exchange = routing.Chain[routing.Next] };
        _routing.Add(attempt, routing with { Next = routing.Next + 1 });
        exchanges.Tell(attempt);
    }

    // Whatever was still being routed is answered: a caller never waits on silence.
    protected override void PostStop()
    {
        foreach (var (attempt, routing) in _routing)
            routing.Caller.Tell(new ExchangeFailed(attempt, FailureKind.ConnectionFailed, ExecutionOutcome.Unknown, null,
                "the router stopped while the request was in flight"));
    }
}
