using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.TestKit;

namespace TradingActors.Tests;

/// <summary>The project's TestKit on virtual time, with helpers for one breaker over one stand-in exchange.</summary>
public abstract class EngineSpec(ITestOutputHelper output) : TradingEngineTestKit(output)
{
    protected SimulatedExchangeClient NewExchange() => ScriptedExchange().WithPrice("BTCUSDT", 42_000);

    protected IActorRef BreakerOver(IExchangeClient exchange, BreakerSettings settings, string name = "binance") =>
        Sys.ActorOf(CircuitBreaker.Props(name, settings, Exchange(exchange)));

    /// <summary>A breaker whose exchange actor is the probe: the probe gets each request and replies with Reply.</summary>
    protected IActorRef BreakerOver(TestProbe exchange, BreakerSettings settings, string name = "binance") =>
        Sys.ActorOf(CircuitBreaker.Props(name, settings, Exchange(exchange)));

    /// <summary>Sends a request as the test actor and expects the one reply.</summary>
    protected T Ask<T>(IActorRef breaker, ExchangeRequest request) where T : ExchangeReply
    {
        breaker.Tell(request, TestActor);
        return ExpectMsg<T>();
    }

    /// <summary>Makes sure a breaker's exchange actor has started every call sent so far (and so scheduled its latency).</summary>
    protected void ExchangeSettled(IActorRef breaker)
    {
        Settled(breaker);
        Sys.ActorSelection(breaker.Path / "connector").Tell(new Identify(null), TestActor);
        ExpectMsg<ActorIdentity>();
    }

    /// <summary>The probe takes the next request of type <typeparamref name="T"/> and fails it as the exchange would.</summary>
    protected static T FailNext<T>(TestProbe exchange, FailureKind kind = FailureKind.ServerError,
        ExecutionOutcome outcome = ExecutionOutcome.Unknown, TimeSpan? retryAfter = null) where T : ExchangeRequest
    {
        var request = exchange.ExpectMsg<T>();
        exchange.Reply(new ExchangeFailed(request, kind, outcome, retryAfter, $"simulated {kind}"));
        return request;
    }

    /// <summary>The probe takes the next price request and answers it.</summary>
    protected static GetPrice QuoteNext(TestProbe exchange, decimal price = 42_000)
    {
        var request = exchange.ExpectMsg<GetPrice>();
        exchange.Reply(new PriceQuoted(request, price));
        return request;
    }

    protected void AwaitState(IActorRef breaker, BreakerState state) =>
        AwaitAssert(() => Assert.Equal(state, StatusOf(breaker).State));

    protected CircuitBreaker.Status StatusOf(IActorRef breaker) =>
        breaker.Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus("binance"), RemainingOrDefault).Result;

    protected static GetPrice Price(string exchange = "binance") => new(exchange, "BTCUSDT");

    private static int _orders;

    protected static PlaceOrder Order(string exchange = "binance") =>
        new(exchange, "BTCUSDT", OrderSide.Buy, 0.1m, 42_000, $"order-{Interlocked.Increment(ref _orders)}");
}
