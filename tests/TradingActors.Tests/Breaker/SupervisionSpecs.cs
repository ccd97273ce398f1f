using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.Tests.Breaker;

/// <summary>The breaker supervises its exchange actor: a crash is a failure, and no call is left hanging.</summary>
public sealed class SupervisionSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with { FailureThreshold = 2, CallTimeout = TimeSpan.FromMinutes(1) };

    [Fact]
    public void A_crashing_exchange_actor_answers_the_call_it_crashed_on_as_connection_failed()
    {
        var breaker = BreakerOver(NewExchange().WithFault(CallFilter.Calls(1), new SimulatedFault.Crash()), Settings);

        var failed = Ask<ExchangeFailed>(breaker, Order());

        Assert.Equal((FailureKind.ConnectionFailed, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
    }

    [Fact]
    public void Calls_in_flight_when_the_exchange_actor_crashes_are_all_answered()
    {
        var exchange = NewExchange()
            .WithFault(CallFilter.Calls(1, 2), new SimulatedFault.Hang())
            .WithFault(CallFilter.Calls(3), new SimulatedFault.Crash());
        var breaker = BreakerOver(exchange, Settings with { FailureThreshold = 5 });

        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Order(), TestActor);

        var answers = new[] { ExpectMsg<ExchangeFailed>(), ExpectMsg<ExchangeFailed>(), ExpectMsg<ExchangeFailed>() };
        Assert.All(answers, a => Assert.Equal(FailureKind.ConnectionFailed, a.Kind));
        Assert.Equal(0, StatusOf(breaker).InFlight);
    }

    [Fact]
    public void The_restarted_exchange_actor_serves_the_next_request()
    {
        var breaker = BreakerOver(NewExchange().WithFault(CallFilter.Calls(1), new SimulatedFault.Crash()), Settings);
        Ask<ExchangeFailed>(breaker, Price());

        Assert.Equal(42_000, Ask<PriceQuoted>(breaker, Price()).Price);
    }

    [Fact]
    public void A_crash_counts_as_a_failure_against_the_breaker()
    {
        var breaker = BreakerOver(NewExchange().WithFault(CallFilter.All, new SimulatedFault.Crash()), Settings);

        Ask<ExchangeFailed>(breaker, Price());
        Ask<ExchangeFailed>(breaker, Price());

        Assert.Equal(BreakerState.Open, StatusOf(breaker).State);
    }

    [Fact]
    public void Stopping_the_breaker_answers_every_call_in_flight()
    {
        var breaker = BreakerOver(NewExchange().WithFault(CallFilter.All, new SimulatedFault.Hang()), Settings);
        breaker.Tell(Order(), TestActor);
        breaker.Tell(Price(), TestActor);
        Settled(breaker);

        Sys.Stop(breaker);

        ExpectMsg<ExchangeFailed>();
        ExpectMsg<ExchangeFailed>();
    }
}
