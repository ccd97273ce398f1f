using Akka.Actor;
using Akka.Pattern;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// What a user might build instead of the engine: one exchange actor that calls the exchange through
/// Akka.NET's own <see cref="Akka.Pattern.CircuitBreaker"/> and answers the caller itself.
/// </summary>
internal static class AkkaBreakerExchange
{
    private const int MaxFailures = 5;

    public static Props Props(IExchangeClient exchange, Akka.Pattern.CircuitBreaker breaker) =>
        Akka.Actor.Props.Create(() => new AkkaBreakerExchangeActor(exchange, breaker));

    /// <summary>The engine's defaults: five failures open it, a call is given ten seconds; once open, it stays open for the run.</summary>
    public static Akka.Pattern.CircuitBreaker Breaker(IScheduler scheduler) =>
        new(scheduler, MaxFailures, callTimeout: TimeSpan.FromSeconds(10), resetTimeout: TimeSpan.FromHours(1));

    /// <summary>A breaker an outage has opened: its calls failed.</summary>
    public static Akka.Pattern.CircuitBreaker Opened(IScheduler scheduler)
    {
        var breaker = Breaker(scheduler);
        for (var failure = 0; failure < MaxFailures; failure++)
            breaker.Fail();
        return breaker;
    }

    /// <summary>
    /// The price through the breaker, called as Akka's breaker takes it: a Task, and a token that it
    /// cancels at the call timeout (the overload without one is obsolete since Akka.NET 1.5.42).
    /// </summary>
    public static Task<decimal> Price(this Akka.Pattern.CircuitBreaker breaker, IExchangeClient exchange, GetPrice query) =>
        breaker.WithCircuitBreaker((exchange, query),
            static (call, cancellation) => call.exchange.GetPriceAsync(call.query, cancellation).AsTask());
}

internal sealed class AkkaBreakerExchangeActor(IExchangeClient exchange, Akka.Pattern.CircuitBreaker breaker) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not GetPrice query)
        {
            Unhandled(message);
            return;
        }
        var price = breaker.Price(exchange, query);
        // As in the engine's connector: an answer that is there at once costs no continuation.
        if (price.IsCompletedSuccessfully)
            Sender.Tell(new PriceQuoted(query, price.Result));
        else
            _ = ReplyLater(query, price, Sender);
    }

    private static async Task ReplyLater(GetPrice query, Task<decimal> price, IActorRef caller)
    {
        ExchangeReply reply;
        try
        {
            reply = new PriceQuoted(query, await price.ConfigureAwait(false));
        }
        catch (OpenCircuitException open)
        {
            reply = new CircuitOpen(query, open.RemainingDuration);
        }
        catch (Exception error)
        {
            reply = FailureClassifier.Classify(query, error);
        }
        caller.Tell(reply);
    }
}
