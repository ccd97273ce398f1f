using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>The seed's exercise 1: each consecutive opening lasts longer, 30 s, 60 s, 120 s, up to 5 min.</summary>
public sealed class OpenTimeoutGrowthSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 1, SuccessThreshold = 1, OpenTimeout = TimeSpan.FromSeconds(30), OpenTimeoutFactor = 2,
        MaxOpenTimeout = TimeSpan.FromMinutes(5), StablePeriod = TimeSpan.FromMinutes(10), CallTimeout = TimeSpan.FromHours(1),
    };

    [Fact]
    public void Each_reopening_from_half_open_doubles_the_open_timeout_up_to_the_cap()
    {
        var (breaker, exchange) = NewBreaker(Settings);
        var openings = new List<TimeSpan?>();

        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();
        for (var reopening = 0; reopening < 6; reopening++)
        {
            var retryAfter = Ask<CircuitOpen>(breaker, Price()).RetryAfter;
            openings.Add(retryAfter);
            Settled(breaker);
            Clock.Advance(retryAfter!.Value);
            AwaitState(breaker, BreakerState.HalfOpen);
            breaker.Tell(Price(), TestActor);
            FailNext<GetPrice>(exchange);
            ExpectMsg<ExchangeFailed>();
        }

        Assert.Equal(new TimeSpan?[] { S(30), S(60), S(120), S(240), S(300), S(300) }, openings);
    }

    [Fact]
    public void The_growth_counts_openings_from_closed_too_until_the_breaker_stays_closed_for_the_stable_period()
    {
        var (breaker, exchange) = NewBreaker(Settings);
        OpenAndRecover(breaker, exchange);

        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        Assert.Equal(S(60), Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void After_the_stable_period_in_closed_the_next_opening_starts_from_the_base_again()
    {
        var (breaker, exchange) = NewBreaker(Settings);
        OpenAndRecover(breaker, exchange);
        Clock.Advance(Settings.StablePeriod);
        Settled(breaker);

        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        Assert.Equal(S(30), Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void Jitter_spreads_an_opening_within_its_share_of_the_timeout()
    {
        var (breaker, exchange) = NewBreaker(Settings with { OpenTimeoutJitter = 0.5 });

        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();

        var openFor = Ask<CircuitOpen>(breaker, Price()).RetryAfter!.Value;
        Assert.InRange(openFor, S(15), S(45));
    }

    private void OpenAndRecover(IActorRef breaker, TestProbe exchange)
    {
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        ExpectMsg<ExchangeFailed>();
        Settled(breaker);
        Clock.Advance(S(30));
        AwaitState(breaker, BreakerState.HalfOpen);
        breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);
        ExpectMsg<PriceQuoted>();
        AwaitState(breaker, BreakerState.Closed);
    }

    private (IActorRef, TestProbe) NewBreaker(BreakerSettings settings)
    {
        var exchange = CreateTestProbe();
        return (BreakerOver(exchange, settings), exchange);
    }

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);
}
