using Akka.Actor;
using Akka.Configuration;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Registry;

namespace TradingActors.Tests.Registry;

/// <summary>The seed's fourth program: one registry, three exchanges with their own settings, one status table.</summary>
public sealed class SeedRegistrySpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly TradingSettings SeedExchanges = TradingSettings.From(ConfigurationFactory.ParseString("""
        trading.exchanges {
          binance { failure-threshold = 3, success-threshold = 2, open-timeout = 30s }
          bybit   { failure-threshold = 5, success-threshold = 3, open-timeout = 60s }
          kraken  { failure-threshold = 4, success-threshold = 2, open-timeout = 45s }
        }
        """));

    private IActorRef SeedRegistry() => Sys.ActorOf(ExchangeRegistry.Props(SeedExchanges, exchange => ExchangeConnector.Props(
        exchange switch
        {
            "binance" => new SimulatedExchangeClient(Sys.Scheduler).WithPrice("BTC/USDT", 42_000),
            "bybit" => new SimulatedExchangeClient(Sys.Scheduler).WithPrice("BTC/USDT", 42_010),
            _ => new SimulatedExchangeClient(Sys.Scheduler),
        })));

    [Fact]
    public void Prices_come_from_each_exchange_and_an_unknown_symbol_is_a_rejection_not_a_failure()
    {
        var registry = SeedRegistry();

        Assert.Equal(42_000, Ask<PriceQuoted>(registry, new GetPrice("binance", "BTC/USDT")).Price);
        Assert.Equal(42_010, Ask<PriceQuoted>(registry, new GetPrice("bybit", "BTC/USDT")).Price);
        Assert.Equal(RejectionReason.UnknownSymbol, Ask<ExchangeRejected>(registry, new GetPrice("kraken", "BTC/USDT")).Reason);

        var kraken = Detail(registry, "kraken");
        Assert.Equal((0, 1L, 0L), (kraken.ConsecutiveFailures, kraken.Metrics.Successful, kraken.Metrics.Failed));
    }

    [Fact]
    public void The_status_table_lists_every_configured_exchange_with_its_own_settings()
    {
        var registry = SeedRegistry();

        var summaries = Statuses(registry);

        Assert.Equal(["binance", "bybit", "kraken"], summaries.Select(s => s.Exchange));
        Assert.All(summaries, s => Assert.Equal(BreakerState.Closed, s.State));
        Assert.Equal(
            [(3, 2, 30), (5, 3, 60), (4, 2, 45)],
            summaries.Select(s => Detail(registry, s.Exchange).Settings)
                .Select(s => (s.FailureThreshold, s.SuccessThreshold, (int)s.OpenTimeout.TotalSeconds)));
    }

    [Fact]
    public void The_summary_of_every_exchange_gives_each_breaker_s_state_and_counts()
    {
        var registry = SeedRegistry();
        Ask<PriceQuoted>(registry, new GetPrice("binance", "BTC/USDT"));
        Ask<PriceQuoted>(registry, new GetPrice("binance", "BTC/USDT"));
        registry.Tell(new CircuitBreaker.Isolate("bybit", "maintenance"), TestActor);
        ExpectMsg<CircuitBreaker.Status>();
        Ask<CircuitOpen>(registry, new GetPrice("bybit", "BTC/USDT"));

        var summaries = Statuses(registry);

        Assert.Equal(
            [("binance", BreakerState.Closed, 2L, 0L, 0L), ("bybit", BreakerState.Isolated, 0L, 0L, 1L), ("kraken", BreakerState.Closed, 0L, 0L, 0L)],
            summaries.Select(s => (s.Exchange, s.State, s.Successful, s.Failed, s.Rejected)));
    }

    [Fact]
    public void An_exchange_with_no_configuration_gets_a_breaker_with_the_defaults()
    {
        var registry = SeedRegistry();

        Ask<ExchangeRejected>(registry, new GetPrice("okx", "BTC/USDT"));

        Assert.Contains("okx", Statuses(registry).Select(s => s.Exchange));
        var okx = Detail(registry, "okx");
        Assert.Equal((5, 2, TimeSpan.FromSeconds(30)), (okx.Settings.FailureThreshold, okx.Settings.SuccessThreshold, okx.Settings.OpenTimeout));
    }

    [Fact]
    public void A_request_without_an_exchange_is_invalid()
    {
        Ask<InvalidRequest>(SeedRegistry(), new GetPrice("", "BTC/USDT"));
    }

    [Fact]
    public void Commands_reach_the_named_exchanges_breaker()
    {
        var registry = SeedRegistry();

        registry.Tell(new CircuitBreaker.Isolate("bybit", "maintenance"), TestActor);

        Assert.Equal(("bybit", BreakerState.Isolated), ExpectMsg<CircuitBreaker.Status>() is var s ? (s.Exchange, s.State) : default);
        Assert.Null(Ask<CircuitOpen>(registry, new GetPrice("bybit", "BTC/USDT")).RetryAfter);
    }

    private IReadOnlyList<CircuitBreaker.Summary> Statuses(IActorRef registry)
    {
        registry.Tell(ExchangeRegistry.GetStatuses.Instance, TestActor);
        return ExpectMsg<ExchangeRegistry.Statuses>().Exchanges;
    }

    private CircuitBreaker.Status Detail(IActorRef registry, string exchange)
    {
        registry.Tell(new CircuitBreaker.GetStatus(exchange), TestActor);
        return ExpectMsg<CircuitBreaker.Status>();
    }
}
