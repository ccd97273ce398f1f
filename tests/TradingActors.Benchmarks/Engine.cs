using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;
using TradingActors.Registry;

namespace TradingActors.Benchmarks;

/// <summary>The engine as a host builds it: a registry of breakers, each over its exchange actor, configured in HOCON.</summary>
internal static class Engine
{
    public const string Exchange = "binance";
    public const string Symbol = "BTCUSDT";

    /// <summary>Breakers that open at the first failure and stay open for the whole run.</summary>
    public const string OpensAtOnce = "trading.breaker-defaults { failure-threshold = 1, open-timeout = 1h, max-open-timeout = 1h }";

    /// <summary>
    /// Not the default: for the benchmarks that hold 10,000 or 100,000 calls at once, which the default bulkhead (64 in flight,
    /// 64 waiting) would answer "bulkhead full"; they measure calls that reach the exchange. The others run on the defaults.
    /// </summary>
    public const string WideBulkhead = "trading.breaker-defaults.max-concurrent-calls = 1000000";

    /// <summary>A new request for every call, as a trading host sends them: the engine never sees one twice.</summary>
    public static GetPrice Price() => new(Exchange, Symbol);

    private static long _orders;

    /// <summary>A new market order with a client order id never used before in this process: the ledger refuses a known one.</summary>
    public static PlaceOrder Order() => new(Exchange, Symbol, OrderSide.Buy, 0.01m, null, $"bench-{Interlocked.Increment(ref _orders)}");

    // Where a benchmark does not measure the order ledger, it journals in memory.
    private const string LedgerInMemory =
        """trading.orders { journal = "akka.persistence.journal.inmem", snapshot-store = "akka.persistence.snapshot-store.inmem" }""";

    /// <summary>The engine's configuration for a benchmark: <paramref name="hocon"/> over the defaults, the ledger in memory.</summary>
    public static Config Configuration(string hocon = "") => ConfigurationFactory.ParseString($"{LedgerInMemory}\n{hocon}");

    public static IActorRef Registry(ActorSystem system, IExchangeClient exchange, string hocon = "") =>
        system.ActorOf(ExchangeRegistry.Props(TradingSettings.From(Configuration(hocon)), _ => ExchangeConnector.Props(exchange)));

    /// <summary>The breaker behind <paramref name="registry"/>, as the router holds it once the registry has said where it is.</summary>
    public static IActorRef Breaker(IActorRef registry) =>
        registry.Ask<ExchangeRegistry.Resolved>(new ExchangeRegistry.Resolve(Exchange), TimeSpan.FromSeconds(10)).Result.Target;

    /// <summary>The whole engine as <see cref="TradingEngine.Props"/> builds it (registry, router, order ledger), every exchange behind <paramref name="exchange"/>.</summary>
    public static Task<TradingEngine.Parts> Whole(ActorSystem system, TradingSettings settings, IExchangeClient exchange) =>
        system.ActorOf(TradingEngine.Props(settings, _ => ExchangeConnector.Props(exchange)))
            .Ask<TradingEngine.Parts>(TradingEngine.GetParts.Instance, TimeSpan.FromSeconds(10));

    /// <summary>The async facade a host is given (<see cref="ITradingEngine"/>) over the engine's <paramref name="parts"/>.</summary>
    public static ITradingEngine Facade(ActorSystem system, TradingEngine.Parts parts)
    {
        var actors = new ActorRegistry();
        actors.Register<TradingEngineHosting.Keys.Router>(parts.Router);
        actors.Register<TradingEngineHosting.Keys.Exchanges>(parts.Exchanges);
        actors.Register<TradingEngineHosting.Keys.Feeds>(parts.Feeds);
        actors.Register<TradingEngineHosting.Keys.Orders>(parts.Orders);
        return new TradingEngineFacade(system,
            new RequiredActor<TradingEngineHosting.Keys.Router>(actors), new RequiredActor<TradingEngineHosting.Keys.Exchanges>(actors),
            new RequiredActor<TradingEngineHosting.Keys.Feeds>(actors), new RequiredActor<TradingEngineHosting.Keys.Orders>(actors));
    }

    /// <summary>An exchange that is down: every call fails as a 5xx would.</summary>
    public static IExchangeClient DownExchange(ActorSystem system) =>
        new SimulatedExchangeClient(system.Scheduler).WithFault(CallFilter.All, new SimulatedFault.Fail(FailureKind.ServerError));

    public static Task<CircuitBreaker.Status> Status(IActorRef registry, string exchange = Exchange) =>
        registry.Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus(exchange));

    /// <summary>Opens the exchange's breaker the way an outage does, with a failed call, and checks that it rejects.</summary>
    public static async Task Trip(IActorRef registry)
    {
        var failed = await registry.Ask<ExchangeReply>(Price());
        var rejected = await registry.Ask<ExchangeReply>(Price());
        if (failed is not ExchangeFailed || rejected is not CircuitOpen)
            throw new InvalidOperationException($"the breaker did not open: {failed}, then {rejected}");
    }
}
