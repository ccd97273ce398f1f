using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.Tests.Breaker;

/// <summary>The seed's first program: a breaker of 3 failures, 2 successes and a 5 s open timeout.</summary>
public sealed class SeedBreakerSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Seed = BreakerSettings.Defaults with
    {
        FailureThreshold = 3, SuccessThreshold = 2, OpenTimeout = TimeSpan.FromSeconds(5), HalfOpenMaxCalls = 2,
        OpenTimeoutFactor = 1, // the seed's breaker does not grow its open time
    };

    [Fact]
    public void Three_failures_open_it_and_the_fourth_attempt_is_rejected()
    {
        var exchange = NewExchange().WithFault(CallFilter.All, new SimulatedFault.Fail(FailureKind.ServerError));
        var breaker = BreakerOver(exchange, Seed);

        for (var attempt = 1; attempt <= 3; attempt++)
            Ask<ExchangeFailed>(breaker, Order());
        var fourth = Ask<CircuitOpen>(breaker, Order());

        Assert.Equal(3, exchange.Calls);
        Assert.Equal(TimeSpan.FromSeconds(5), fourth.RetryAfter);
        Assert.Equal(BreakerState.Open, StatusOf(breaker).State);
    }

    [Fact]
    public void A_success_in_closed_resets_the_failure_count()
    {
        var exchange = NewExchange().WithFault(CallFilter.Calls(1, 2, 4, 5), new SimulatedFault.Fail(FailureKind.Timeout));
        var breaker = BreakerOver(exchange, Seed);

        Ask<ExchangeFailed>(breaker, Order());
        Ask<ExchangeFailed>(breaker, Order());
        Ask<OrderPlaced>(breaker, Order());
        Ask<ExchangeFailed>(breaker, Order());
        Ask<ExchangeFailed>(breaker, Order());

        var status = StatusOf(breaker);
        Assert.Equal(BreakerState.Closed, status.State);
        Assert.Equal(2, status.ConsecutiveFailures);
    }

    [Fact]
    public void The_open_timeout_timer_moves_it_to_half_open_exactly_when_due()
    {
        var breaker = OpenedBreaker();

        Clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.Equal(BreakerState.Open, StatusOf(breaker).State);
        Clock.Advance(TimeSpan.FromTicks(1));
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State));
    }

    [Fact]
    public void Two_successes_in_half_open_close_it()
    {
        var breaker = HalfOpenBreaker();

        Ask<OrderPlaced>(breaker, Order());
        Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State);
        Ask<OrderPlaced>(breaker, Order());

        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
    }

    [Fact]
    public void A_failure_in_half_open_opens_it_again_for_a_full_open_timeout()
    {
        var breaker = HalfOpenBreaker(failNext: true);

        Ask<ExchangeFailed>(breaker, Order());

        var status = StatusOf(breaker);
        Assert.Equal(BreakerState.Open, status.State);
        Assert.Equal(TimeSpan.FromSeconds(5), Ask<CircuitOpen>(breaker, Order()).RetryAfter);
    }

    [Fact]
    public void Every_transition_is_published_on_the_event_stream()
    {
        var transitions = CreateTestProbe();
        Sys.EventStream.Subscribe(transitions, typeof(BreakerTransitioned));

        var breaker = HalfOpenBreaker();
        Ask<OrderPlaced>(breaker, Order());
        Ask<OrderPlaced>(breaker, Order());

        var opened = transitions.ExpectMsg<BreakerTransitioned>();
        Assert.Equal(("binance", BreakerState.Closed, BreakerState.Open), (opened.Exchange, opened.From, opened.To));
        Assert.Equal(opened.At + TimeSpan.FromSeconds(5), opened.OpenUntil);
        Assert.Equal(BreakerState.HalfOpen, transitions.ExpectMsg<BreakerTransitioned>().To);
        Assert.Equal(BreakerState.Closed, transitions.ExpectMsg<BreakerTransitioned>().To);
    }

    [Fact]
    public void A_stale_timer_never_moves_the_breaker()
    {
        var breaker = OpenedBreaker();
        breaker.Tell(new CircuitBreaker.Reset("binance"), TestActor);
        ExpectMsg<CircuitBreaker.Status>();

        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
    }

    private Akka.Actor.IActorRef OpenedBreaker(bool failAfterRecovery = false)
    {
        var exchange = NewExchange().WithFault(CallFilter.Calls(1, 2, 3), new SimulatedFault.Fail(FailureKind.ServerError));
        if (failAfterRecovery)
            exchange.WithFault(CallFilter.Calls(4), new SimulatedFault.Fail(FailureKind.ServerError));
        var breaker = BreakerOver(exchange, Seed);
        for (var attempt = 1; attempt <= 3; attempt++)
            Ask<ExchangeFailed>(breaker, Order());
        Settled(breaker);
        return breaker;
    }

    private Akka.Actor.IActorRef HalfOpenBreaker(bool failNext = false)
    {
        var breaker = OpenedBreaker(failNext);
        Clock.Advance(Seed.OpenTimeout);
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State));
        return breaker;
    }
}
