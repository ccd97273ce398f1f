using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using Xunit.Abstractions;

namespace TradingActors.Tests.Breaker;

/// <summary>A call the exchange does not answer in time is answered "timeout" once, and its late answer is dropped.</summary>
public sealed class CallTimeoutSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with { FailureThreshold = 3, CallTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public void An_unanswered_call_is_answered_timeout_exactly_at_the_call_timeout()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        exchange.ExpectMsg<GetPrice>();
        Settled(breaker);

        Clock.Advance(Settings.CallTimeout - TimeSpan.FromTicks(1));
        Assert.Equal(1, StatusOf(breaker).InFlight);
        Clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(FailureKind.Timeout, ExpectMsg<ExchangeFailed>().Kind);
        Assert.Equal(1, StatusOf(breaker).Metrics.Failed);
    }

    [Fact]
    public void A_late_answer_is_dropped_and_counted_never_delivered_twice()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        var request = exchange.ExpectMsg<GetPrice>();
        Settled(breaker);
        Clock.Advance(Settings.CallTimeout);
        ExpectMsg<ExchangeFailed>();

        exchange.Reply(new PriceQuoted(request, 42_000));

        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal((1L, 0L, 1L), (metrics.LateReplies, metrics.Successful, metrics.Failed));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Calls_admitted_at_different_times_time_out_each_at_its_own_deadline()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var first = Price();
        var second = Price() with { Symbol = "ETHUSDT" };
        breaker.Tell(first, TestActor);
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        breaker.Tell(second, TestActor);
        Settled(breaker);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first, ExpectMsg<ExchangeFailed>().Request);
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(second, ExpectMsg<ExchangeFailed>().Request);
    }

    [Fact]
    public void The_same_request_instance_sent_twice_is_two_calls_with_two_answers()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var price = Price();

        breaker.Tell(price, TestActor);
        breaker.Tell(price, TestActor);
        var one = exchange.ExpectMsg<GetPrice>();
        exchange.Reply(new PriceQuoted(one, 1));
        var two = exchange.ExpectMsg<GetPrice>();
        exchange.Reply(new PriceQuoted(two, 2));

        Assert.Equal([1.0, 2.0], new[] { ExpectMsg<PriceQuoted>().Price, ExpectMsg<PriceQuoted>().Price });
        Assert.Equal(0, StatusOf(breaker).InFlight);
    }
}
