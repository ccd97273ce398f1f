using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>While new orders are halted, cancels may still flow, at a bounded rate.</summary>
public sealed class CancelsFirstSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 1, CancelsWhenOpen = true, CancelsPerSecond = 2,
    };

    private static CancelOrder Cancel(int n) => new("binance", "BTCUSDT", $"order-{n}");

    [Fact]
    public void An_open_breaker_lets_cancels_through_up_to_their_rate_and_rejects_new_orders()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        breaker.Tell(Cancel(1), TestActor);
        breaker.Tell(Cancel(2), TestActor);
        exchange.ExpectMsg<CancelOrder>();
        exchange.ExpectMsg<CancelOrder>();
        Ask<CircuitOpen>(breaker, Cancel(3));
        Ask<CircuitOpen>(breaker, Order());

        Clock.Advance(TimeSpan.FromSeconds(1));
        var fourth = Cancel(4);
        breaker.Tell(fourth, TestActor);
        Assert.Equal(fourth, exchange.ExpectMsg<CancelOrder>());
    }

    [Fact]
    public void A_cancel_let_through_an_open_breaker_is_logged_with_its_order_id()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        EventFilter.Info(contains: "binance: Open, but the cancel of order-1 goes through").ExpectOne(() => breaker.Tell(Cancel(1), TestActor));
    }

    [Fact]
    public void Without_the_setting_an_open_breaker_rejects_cancels_too()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { CancelsWhenOpen = false });
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        Ask<CircuitOpen>(breaker, Cancel(1));
    }
}
