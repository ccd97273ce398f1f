using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.TestKit;

/// <summary>
/// An exchange actor that hands every request to a probe; the probe's Reply goes back to the breaker, which finds
/// the call by the request's id. The breaker's word that it gave up on a call at its timeout
/// (<see cref="ExchangeConnector.Abandon"/>) is not passed on: a probe has nothing to cancel.
/// </summary>
internal sealed class ForwardToProbe(IActorRef probe) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not ExchangeConnector.Abandon)
            probe.Forward(message);
    }
}
