using Akka.Actor;
using TradingActors.Alerts;
using TradingActors.Cluster;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.MarketData;
using TradingActors.Orders;
using TradingActors.Orders.UserData;
using TradingActors.Registry;
using TradingActors.Routing;

namespace TradingActors.Hosting;

/// <summary>
/// The engine's root, <c>/user/trading</c>: the exchange registry (<c>exchanges</c>), the fallback
/// router in front of it (<c>router</c>), the alerts (<c>alerts</c>), the market data feeds
/// (<c>feeds</c>), the order ledger (<c>orders</c>) and the user data streams that feed it
/// (<c>user-data</c>). Hosts reach it through Akka.Hosting (<see cref="TradingEngineHosting.WithTradingEngine"/>);
/// tests start it with the TestKit.
/// </summary>
public static class TradingEngine
{
    public const string Name = "trading";

    /// <param name="connector">Props of the exchange actor per exchange name; null where the engine cannot reach it.
    /// <see cref="ConnectorsFromEndpoints"/> reaches every exchange with an endpoint section.</param>
    /// <param name="streams">Opens the feeds' stream sockets and the user data streams'; by default a <see cref="WebSocketStreamClient"/>.</param>
    public static Props Props(TradingSettings settings, Func<string, Props?> connector, IMarketStreamClient? streams = null) =>
        Props(settings, connector, streams, breakers: null);

    /// <param name="breakers">Cluster mode: the shard region the exchanges' breakers run in; null, the engine's registry owns them.</param>
    internal static Props Props(TradingSettings settings, Func<string, Props?> connector, IMarketStreamClient? streams, IActorRef? breakers)
    {
        var client = streams ?? new WebSocketStreamClient();
        return Akka.Actor.Props.Create(() => new TradingEngineActor(settings, connector, client, breakers));
    }

    /// <summary>Asks the root for its children, answered with <see cref="Parts"/>.</summary>
    public sealed record GetParts
    {
        public static readonly GetParts Instance = new();
    }

    /// <param name="Orders">The order ledger: where orders go, so that each is journaled before it is sent.</param>
    public sealed record Parts(IActorRef Exchanges, IActorRef Router, IActorRef Alerts, IActorRef Feeds, IActorRef Orders);

    /// <summary>An HTTP connector in its endpoint's protocol for each exchange that has an <c>endpoint</c> section.</summary>
    public static Func<string, Props?> ConnectorsFromEndpoints(TradingSettings settings)
    {
        var clients = settings.Endpoints.ToDictionary(e => e.Key, e => e.Value.Connect());
        return exchange => clients.TryGetValue(exchange, out var client) ? ExchangeConnector.Props(client) : null;
    }
}

internal sealed class TradingEngineActor : UntypedActor
{
    private readonly TradingEngine.Parts _parts;

    public TradingEngineActor(TradingSettings settings, Func<string, Props?> connector, IMarketStreamClient streams, IActorRef? breakers)
    {
        var registry = breakers is null
            ? ExchangeRegistry.Props(settings, connector)
            : ExchangeRegistry.Sharded(settings, exchange => connector(exchange) is not null, breakers);
        var exchanges = Context.ActorOf(registry, "exchanges");
        var feeds = Context.ActorOf(MarketFeeds.Props(settings.Feeds, streams), MarketFeeds.Name);
        var router = Context.ActorOf(FallbackRouter.Props(exchanges, settings.Fallbacks, feeds), "router");
        var ledger = OrderLedger.Props(settings, router, exchanges);
        var orders = breakers is null ? Context.ActorOf(ledger, OrderLedger.Name) : ClusterLedger.Start(Context, ledger, settings);
        Context.ActorOf(UserDataStreams.Props(settings.Endpoints, streams, orders), UserDataStreams.Name);
        _parts = new TradingEngine.Parts(exchanges, router, Context.ActorOf(BreakerAlerts.Props(settings.Alerts), "alerts"), feeds, orders);
    }

    protected override void OnReceive(object message)
    {
        if (message is TradingEngine.GetParts)
            Sender.Tell(_parts);
        else
            Unhandled(message);
    }
}
