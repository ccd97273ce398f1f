using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;
using TradingActors.TestKit;

namespace TradingActors.Tests.TestKit;

/// <summary>
/// The pattern a host's own tests follow: the host's wiring (<c>WithTradingEngine</c>) in Akka.Hosting.TestKit on
/// virtual time, a probe playing binance.
/// </summary>
public sealed class ProbedExchangeSpecs : TradingHostTestKit
{
    public ProbedExchangeSpecs(ITestOutputHelper output) : base(output) => Probed("binance");

    protected override void ConfigureEngine(AkkaConfigurationBuilder akka, IServiceProvider provider) =>
        akka.WithTradingEngine(HostSpecs.TwoExchanges.WithFallback(InMemoryLedger), Exchanges);

    [Fact]
    public void A_probe_plays_the_exchange_and_answers_the_order_the_host_placed()
    {
        var order = new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 1, 42_000, "host-order-1");

        Router.Tell(order, TestActor);
        var received = Probe("binance").ExpectMsg<PlaceOrder>();
        Probe("binance").Reply(new OrderPlaced(received, new OrderReport("host-order-1", "1", "BTCUSDT", OrderSide.Buy, OrderState.New, 1, 0, null)));

        Assert.Equal(order, received);
        Assert.Equal(OrderState.New, ExpectMsg<OrderPlaced>().Report.State);
    }
}

/// <summary>The same pattern with scripted exchanges: binance refuses its first two connections, bybit answers.</summary>
public sealed class ScriptedExchangeSpecs : TradingHostTestKit
{
    public ScriptedExchangeSpecs(ITestOutputHelper output) : base(output)
    {
        Scripted("binance", binance => binance.WithPrice("BTCUSDT", 42_000)
            .WithFault(CallFilter.Calls(1, 2), new SimulatedFault.Fail(FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted)));
        Scripted("bybit", bybit => bybit.WithPrice("BTCUSDT", 42_010));
    }

    protected override void ConfigureEngine(AkkaConfigurationBuilder akka, IServiceProvider provider) =>
        akka.WithTradingEngine(HostSpecs.TwoExchanges.WithFallback(InMemoryLedger), Exchanges);

    [Fact]
    public void A_scripted_outage_sends_prices_to_the_backup_until_virtual_time_brings_the_primary_back()
    {
        Assert.Equal("bybit", PriceFrom(Router).Request.Exchange);
        Assert.Equal("bybit", PriceFrom(Router).Request.Exchange);
        Assert.Equal("bybit", PriceFrom(Router).Request.Exchange);
        Breakers.Tell(new Identify(null), TestActor);
        ExpectMsg<ActorIdentity>();
        Clock.Advance(TimeSpan.FromSeconds(30));
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, Status("binance").State));

        Assert.Equal(("binance", 42_000.0m), PriceFrom(Router) is var p ? (p.Request.Exchange, p.Price) : default);
    }

    private PriceQuoted PriceFrom(IActorRef router)
    {
        router.Tell(new GetPrice("binance", "BTCUSDT"), TestActor);
        return ExpectMsg<PriceQuoted>();
    }

    private CircuitBreaker.Status Status(string exchange)
    {
        Breakers.Tell(new CircuitBreaker.GetStatus(exchange), TestActor);
        return ExpectMsg<CircuitBreaker.Status>();
    }
}

internal static class HostSpecs
{
    /// <summary>A host's configuration: binance opens after two failures for 30 s, and falls back to bybit.</summary>
    public static Config TwoExchanges { get; } = ConfigurationFactory.ParseString("""
        trading.exchanges.binance { failure-threshold = 2, open-timeout = 30s, open-timeout-factor = 1 }
        trading.exchanges.bybit {}
        trading.routing.fallbacks.binance = [bybit]
        """);
}
