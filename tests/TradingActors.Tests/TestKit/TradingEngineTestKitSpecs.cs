using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.TestKit;

namespace TradingActors.Tests.TestKit;

/// <summary>
/// The pattern a host's own tests follow: the whole engine in a TestKit on virtual time, with
/// scripted exchanges or probes where the real exchanges would be.
/// </summary>
public sealed class TradingEngineTestKitSpecs(ITestOutputHelper output) : TradingEngineTestKit(output)
{
    private const string TwoExchanges = """
        trading.exchanges.binance { failure-threshold = 2, open-timeout = 30s, open-timeout-factor = 1 }
        trading.exchanges.bybit {}
        trading.routing.fallbacks.binance = [bybit]
        """;

    [Fact]
    public void A_probe_plays_the_exchange_and_answers_the_order_the_host_placed()
    {
        var binance = CreateTestProbe();
        var engine = StartEngine(TwoExchanges, name => name == "binance" ? Exchange(binance) : null);
        var order = new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 1, 42_000, "host-order-1");

        engine.Router.Tell(order, TestActor);
        var received = binance.ExpectMsg<PlaceOrder>();
        binance.Reply(new OrderPlaced(received, new OrderReport("host-order-1", "1", "BTCUSDT", OrderSide.Buy, OrderState.New, 1, 0, null)));

        Assert.Equal(order, received);
        Assert.Equal(OrderState.New, ExpectMsg<OrderPlaced>().Report.State);
    }

    [Fact]
    public void A_scripted_outage_sends_prices_to_the_backup_until_virtual_time_brings_the_primary_back()
    {
        var binance = ScriptedExchange().WithPrice("BTCUSDT", 42_000)
            .WithFault(CallFilter.Calls(1, 2), new SimulatedFault.Fail(FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted));
        var bybit = ScriptedExchange().WithPrice("BTCUSDT", 42_010);
        var engine = StartEngine(TwoExchanges, name => Exchange(name == "binance" ? binance : bybit));

        Assert.Equal("bybit", PriceFrom(engine.Router).Request.Exchange);
        Assert.Equal("bybit", PriceFrom(engine.Router).Request.Exchange);
        Assert.Equal("bybit", PriceFrom(engine.Router).Request.Exchange);
        Settled(engine.Exchanges);
        Clock.Advance(TimeSpan.FromSeconds(30));
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, Status(engine.Exchanges, "binance").State));

        Assert.Equal(("binance", 42_000.0m), PriceFrom(engine.Router) is var p ? (p.Request.Exchange, p.Price) : default);
    }

    private PriceQuoted PriceFrom(IActorRef router)
    {
        router.Tell(new GetPrice("binance", "BTCUSDT"), TestActor);
        return ExpectMsg<PriceQuoted>();
    }

    private CircuitBreaker.Status Status(IActorRef exchanges, string exchange)
    {
        exchanges.Tell(new CircuitBreaker.GetStatus(exchange), TestActor);
        return ExpectMsg<CircuitBreaker.Status>();
    }
}
