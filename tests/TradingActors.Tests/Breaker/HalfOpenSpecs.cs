using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>HalfOpen lets a bounded number of trial calls through, and cannot be held there for ever.</summary>
public sealed class HalfOpenSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 1, SuccessThreshold = 2, HalfOpenMaxCalls = 2, OpenTimeout = TimeSpan.FromSeconds(10), OpenTimeoutFactor = 1,
        CallTimeout = TimeSpan.FromSeconds(3), HalfOpenMaxTime = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public void It_admits_at_most_half_open_max_calls_trials_and_rejects_the_rest_at_once()
    {
        var (breaker, exchange) = HalfOpenOverProbe();

        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);
        exchange.ExpectMsg<GetPrice>();
        exchange.ExpectMsg<GetPrice>();
        var third = Ask<CircuitOpen>(breaker, Price());

        Assert.Equal(Settings.CallTimeout, third.RetryAfter);
        exchange.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_trial_slot_frees_when_a_trial_answers()
    {
        var (breaker, exchange) = HalfOpenOverProbe();
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);
        var first = exchange.ExpectMsg<GetPrice>();
        exchange.ExpectMsg<GetPrice>();

        exchange.Reply(new PriceQuoted(first, 42_000));
        ExpectMsg<PriceQuoted>();
        breaker.Tell(Price(), TestActor);

        exchange.ExpectMsg<GetPrice>();
    }

    [Fact]
    public void A_trial_the_rate_budget_kept_from_the_exchange_frees_its_slot_and_judges_nothing()
    {
        var (breaker, exchange) = HalfOpenOverProbe();
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);
        var first = exchange.ExpectMsg<GetPrice>();
        exchange.ExpectMsg<GetPrice>();

        exchange.Reply(new RateBudgetExhausted(first, TimeSpan.FromSeconds(30), "spent"));
        ExpectMsg<RateBudgetExhausted>();
        breaker.Tell(Price(), TestActor);

        exchange.ExpectMsg<GetPrice>();
        Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State);
    }

    [Fact]
    public void A_trial_that_never_answers_times_out_and_reopens_the_breaker()
    {
        var (breaker, exchange) = HalfOpenOverProbe();
        breaker.Tell(Price(), TestActor);
        exchange.ExpectMsg<GetPrice>();
        Settled(breaker);

        Clock.Advance(Settings.CallTimeout);

        Assert.Equal(FailureKind.Timeout, ExpectMsg<ExchangeFailed>().Kind);
        Assert.Equal(BreakerState.Open, StatusOf(breaker).State);
    }

    [Fact]
    public void Half_open_max_time_sends_it_back_to_open()
    {
        var settings = Settings with { CallTimeout = TimeSpan.FromMinutes(5) };
        var (breaker, exchange) = HalfOpenOverProbe(settings);
        breaker.Tell(Price(), TestActor);
        exchange.ExpectMsg<GetPrice>();
        Settled(breaker);

        Clock.Advance(settings.HalfOpenMaxTime);

        AwaitAssert(() => Assert.Equal(BreakerState.Open, StatusOf(breaker).State));
    }

    [Fact]
    public void A_late_success_from_before_the_opening_cannot_close_a_half_open_breaker()
    {
        var exchange = CreateTestProbe();
        var settings = Settings with { SuccessThreshold = 1, CallTimeout = TimeSpan.FromMinutes(1) };
        var breaker = BreakerOver(exchange, settings);
        breaker.Tell(Price(), TestActor);
        var slow = exchange.ExpectMsg<GetPrice>();
        breaker.Tell(Price(), TestActor);
        exchange.Reply(new ExchangeFailed(exchange.ExpectMsg<GetPrice>(), FailureKind.ServerError, ExecutionOutcome.Unknown, null, "down"));
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        Clock.Advance(settings.OpenTimeout);
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State));

        exchange.Send(breaker, new PriceQuoted(slow, 42_000));
        ExpectMsg<PriceQuoted>();

        var status = StatusOf(breaker);
        Assert.Equal(BreakerState.HalfOpen, status.State);
        Assert.Equal(1, status.Metrics.Successful);
    }

    private (Akka.Actor.IActorRef Breaker, Akka.TestKit.TestProbe Exchange) HalfOpenOverProbe(BreakerSettings? settings = null)
    {
        settings ??= Settings;
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, settings);
        breaker.Tell(Price(), TestActor);
        var request = exchange.ExpectMsg<GetPrice>();
        exchange.Reply(new ExchangeFailed(request, FailureKind.ServerError, ExecutionOutcome.Unknown, null, "down"));
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        Clock.Advance(settings.OpenTimeout);
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State));
        return (breaker, exchange);
    }
}
