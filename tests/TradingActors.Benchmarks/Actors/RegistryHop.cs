using Akka.Actor;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// The registry's hop and nothing else: forwards every message to the one actor behind it, so that
/// the floor and the alternatives pass through as many actors as a request to the engine does.
/// </summary>
internal static class RegistryHop
{
    public static IActorRef Before(ActorSystem system, Props exchange) =>
        system.ActorOf(Props.Create(() => new RegistryHopActor(exchange)));
}

internal sealed class RegistryHopActor(Props exchange) : UntypedActor
{
    private readonly IActorRef _exchange = Context.ActorOf(exchange, Engine.Exchange);

    protected override void OnReceive(object message) => _exchange.Forward(message);
}
