using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>The seed's exercise 4: a half-open breaker pings the exchange before it lets anybody's order through.</summary>
public sealed class HealthCheckSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 1, SuccessThreshold = 1, HealthCheck = true, OpenTimeout = TimeSpan.FromSeconds(10),
        OpenTimeoutFactor = 2, CallTimeout = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void Half_open_sends_a_ping_first_and_rejects_orders_until_it_answers()
    {
        var (breaker, exchange) = HalfOpenBreaker();

        var ping = exchange.ExpectMsg<Ping>();
        var order = Ask<CircuitOpen>(breaker, Order());

        Assert.Equal("binance", ping.Exchange);
        Assert.Equal(Settings.CallTimeout, order.RetryAfter);
    }

    [Fact]
    public void After_a_successful_ping_trial_calls_pass_and_the_ping_does_not_count_as_one()
    {
        var (breaker, exchange) = HalfOpenBreaker();
        var ping = exchange.ExpectMsg<Ping>();
        exchange.Reply(new Pong(ping));
        Settled(breaker);
        Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State);

        breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);
        ExpectMsg<PriceQuoted>();

        AwaitState(breaker, BreakerState.Closed);
    }

    [Fact]
    public void A_failed_ping_opens_the_breaker_again_with_the_grown_timeout()
    {
        var (breaker, exchange) = HalfOpenBreaker();

        FailNext<Ping>(exchange);

        AwaitState(breaker, BreakerState.Open);
        Assert.Equal(TimeSpan.FromSeconds(20), Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void A_ping_that_never_answers_times_out_and_opens_the_breaker_again()
    {
        var (breaker, exchange) = HalfOpenBreaker();
        exchange.ExpectMsg<Ping>();

        Clock.Advance(Settings.CallTimeout);

        AwaitState(breaker, BreakerState.Open);
    }

    private (IActorRef, TestProbe) HalfOpenBreaker()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        Clock.Advance(Settings.OpenTimeout);
        AwaitState(breaker, BreakerState.HalfOpen);
        return (breaker, exchange);
    }
}
