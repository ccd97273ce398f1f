using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>Isolate, reset and metrics-only: each a message, each visible in the status and the transition events.</summary>
public sealed class ManualControlSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    [Fact]
    public void An_isolated_breaker_rejects_without_a_retry_after_and_no_timer_half_opens_it()
    {
        var transitions = CreateTestProbe();
        Sys.EventStream.Subscribe(transitions, typeof(BreakerTransitioned));
        var breaker = BreakerOver(CreateTestProbe(), BreakerSettings.Defaults);

        breaker.Tell(new CircuitBreaker.Isolate("binance", "exchange maintenance"), TestActor);
        ExpectMsg<CircuitBreaker.Status>();
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(Ask<CircuitOpen>(breaker, Price()).RetryAfter);
        Assert.Equal(BreakerState.Isolated, transitions.ExpectMsg<BreakerTransitioned>().To);
        Assert.Equal(BreakerState.Isolated, StatusOf(breaker).State);
    }

    [Fact]
    public void Reset_closes_an_isolated_breaker()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults);
        breaker.Tell(new CircuitBreaker.Isolate("binance", "maintenance"), TestActor);
        ExpectMsg<CircuitBreaker.Status>();

        breaker.Tell(new CircuitBreaker.Reset("binance"), TestActor);

        Assert.Equal(BreakerState.Closed, ExpectMsg<CircuitBreaker.Status>().State);
        breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);
        ExpectMsg<PriceQuoted>();
    }

    [Fact]
    public void A_metrics_only_breaker_records_every_failure_and_never_opens()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults with { MetricsOnly = true, FailureThreshold = 1 });

        for (var call = 0; call < 3; call++)
        {
            breaker.Tell(Price(), TestActor);
            FailNext<GetPrice>(exchange);
            ExpectMsg<ExchangeFailed>();
        }

        var status = StatusOf(breaker);
        Assert.Equal((BreakerState.MetricsOnly, 3L), (status.State, status.Metrics.Failed));
    }

    [Fact]
    public void Record_only_is_a_message_too_and_reset_brings_the_breaker_back()
    {
        var breaker = BreakerOver(CreateTestProbe(), BreakerSettings.Defaults);

        breaker.Tell(new CircuitBreaker.RecordOnly("binance"), TestActor);
        Assert.Equal(BreakerState.MetricsOnly, ExpectMsg<CircuitBreaker.Status>().State);
        breaker.Tell(new CircuitBreaker.Reset("binance"), TestActor);

        Assert.Equal(BreakerState.Closed, ExpectMsg<CircuitBreaker.Status>().State);
    }
}
