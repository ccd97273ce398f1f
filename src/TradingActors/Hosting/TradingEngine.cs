using Akka.Actor;
using TradingActors.Alerts;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Registry;
using TradingActors.Routing;

namespace TradingActors.Hosting;

/// <summary>
/// The engine's root, <c>/user/trading</c>: the exchange registry (<c>exchanges</c>), the fallback
/// router in front of it (<c>router</c>) and the alerts (<c>alerts</c>). Hosts reach it through
/// Akka.Hosting (<see cref="TradingEngineHosting.WithTradingEngine"/>); the node creates it directly.
/// </summary>
public static class TradingEngine
{
    public const string Name = "trading";

    /// <param name="connector">Props of the exchange actor per exchange name; null where the engine cannot reach it.
    /// <see cref="ConnectorsFromEndpoints"/> reaches every exchange with an endpoint section.</param>
    public static Props Props(TradingSettings settings, Func<string, Props?> connector) =>
        Akka.Actor.Props.Create(() => new TradingEngineActor(settings, connector));

    /// <summary>Asks the root for its children, answered with <see cref="Parts"/>.</summary>
    public sealed record GetParts
    {
        public static readonly GetParts Instance = new();
    }

    public sealed record Parts(IActorRef Exchanges, IActorRef Router, IActorRef Alerts);

    /// <summary>A Binance-compatible HTTP connector for each exchange that has an <c>endpoint</c> section.</summary>
    public static Func<string, Props?> ConnectorsFromEndpoints(TradingSettings settings)
    {
        var clients = settings.Endpoints.ToDictionary(e => e.Key, e => new BinanceClient(e.Value));
        return exchange => clients.TryGetValue(exchange, out var client) ? ExchangeConnector.Props(client) : null;
    }
}

internal sealed class TradingEngineActor : UntypedActor
{
    private readonly TradingEngine.Parts _parts;

    public TradingEngineActor(TradingSettings settings, Func<string, Props?> connector)
    {
        var exchanges = Context.ActorOf(ExchangeRegistry.Props(settings, connector), "exchanges");
        _parts = new TradingEngine.Parts(
            exchanges,
            Context.ActorOf(FallbackRouter.Props(exchanges, settings.Fallbacks), "router"),
            Context.ActorOf(BreakerAlerts.Props(settings.Alerts), "alerts"));
    }

    protected override void OnReceive(object message)
    {
        if (message is TradingEngine.GetParts)
            Sender.Tell(_parts);
        else
            Unhandled(message);
    }
}
