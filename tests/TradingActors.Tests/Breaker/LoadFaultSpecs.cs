using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>Defects found under a chaos load, each pinned down on virtual time.</summary>
public sealed class LoadFaultSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 1,
        SuccessThreshold = 1,
        HalfOpenMaxCalls = 2,
        OpenTimeout = TimeSpan.FromSeconds(5),
        CallTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void A_request_handled_after_the_open_time_but_before_its_timer_half_opens_the_breaker_instead_of_a_negative_retry_after()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        // Due before the half-open timer, so it reaches the mailbox first, and is handled with the clock already past the open time.
        var late = Price();
        Clock.ScheduleTellOnce(TimeSpan.FromSeconds(4), breaker, late, TestActor);

        Clock.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(late.Id, exchange.ExpectMsg<GetPrice>().Id);
        Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State);
    }

    [Fact]
    public void Half_open_trial_calls_count_against_the_bulkhead_with_the_calls_still_in_flight_from_closed()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { MaxConcurrentCalls = 2 });
        breaker.Tell(Price(), TestActor);
        exchange.ExpectMsg<GetPrice>(); // hangs: still in flight when the breaker half-opens
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        Clock.Advance(Settings.OpenTimeout);

        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);

        exchange.ExpectMsg<GetPrice>();
        ExpectMsg<BulkheadFull>();
        exchange.ExpectNoMsg(TimeSpan.Zero);
        Assert.Equal(2, StatusOf(breaker).InFlight);
    }

    [Fact]
    public void Cancels_let_through_an_open_breaker_count_against_the_bulkhead()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { MaxConcurrentCalls = 1, CancelsWhenOpen = true, CallTimeout = TimeSpan.FromSeconds(3) });
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        breaker.Tell(new CancelOrder("binance", "BTCUSDT", "a1"), TestActor);
        breaker.Tell(new CancelOrder("binance", "BTCUSDT", "a2"), TestActor);

        Assert.Equal("a1", exchange.ExpectMsg<CancelOrder>().ClientOrderId);
        Assert.Equal("a2", ExpectMsg<BulkheadFull>().Request is CancelOrder { ClientOrderId: var id } ? id : null);
    }

    [Fact]
    public void A_crash_on_a_call_already_answered_by_its_timeout_does_not_reopen_a_half_open_breaker()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { CallTimeout = TimeSpan.FromSeconds(1) });
        breaker.Tell(Price(), TestActor);
        var abandoned = exchange.ExpectMsg<GetPrice>();
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        Clock.Advance(Settings.OpenTimeout);
        AwaitState(breaker, BreakerState.HalfOpen);

        breaker.Tell(new ExchangeConnector.Crashed(abandoned, "boom"), exchange.Ref);

        var status = StatusOf(breaker);
        Assert.Equal(BreakerState.HalfOpen, status.State);
        Assert.Equal(1, status.Metrics.LateReplies);
    }

    [Fact]
    public void A_crash_tied_to_no_call_counts_against_the_current_state()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);

        breaker.Tell(new ExchangeConnector.Crashed(null, "boom"), exchange.Ref);

        Assert.Equal(BreakerState.Open, StatusOf(breaker).State);
    }
}
