using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// The floor: the engine's message hops with no breaker logic, the cost of Akka's messaging alone.
/// A closed call goes caller -> registry -> breaker -> exchange -> breaker -> caller, a rejection
/// caller -> registry -> breaker -> caller, exactly as through the engine.
/// </summary>
internal static class Floor
{
    /// <summary>What the floor's open breaker says; the engine works it out from its clock.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    public static IActorRef Closed(ActorSystem system, IExchangeClient exchange) =>
        RegistryHop.Before(system, Props.Create(() => new FloorBreaker(exchange)));

    public static IActorRef Open(ActorSystem system) =>
        RegistryHop.Before(system, Props.Create(() => new FloorOpenBreaker()));

    private sealed class FloorBreaker(IExchangeClient exchange) : UntypedActor
    {
        private readonly IActorRef _exchange = Context.ActorOf(Props.Create(() => new FloorExchange(exchange)), "connector");

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                // The caller travels as the sender of the request and of its reply, so no table of calls is kept.
                case ExchangeRequest request:
                    _exchange.Tell(request, Sender);
                    break;
                case ExchangeReply reply:
                    Sender.Tell(reply, Self);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    private sealed class FloorExchange(IExchangeClient exchange) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            // The floor is only ever given the instant exchange, so the price is there at once.
            if (message is GetPrice query)
                Context.Parent.Tell(new PriceQuoted(query, exchange.GetPriceAsync(query, CancellationToken.None).Result), Sender);
            else
                Unhandled(message);
        }
    }

    private sealed class FloorOpenBreaker : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is ExchangeRequest request)
                Sender.Tell(new CircuitOpen(request, RetryAfter));
            else
                Unhandled(message);
        }
    }
}
