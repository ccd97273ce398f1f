using Akka.Actor;
using Polly;
using Polly.CircuitBreaker;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// What a user might build instead of the engine: one exchange actor that calls the exchange through
/// a Polly v8 circuit-breaker pipeline and answers the caller itself.
/// </summary>
internal static class PollyExchange
{
    public static Props Props(IExchangeClient exchange, ResiliencePipeline pipeline) =>
        Akka.Actor.Props.Create(() => new PollyExchangeActor(exchange, pipeline));

    /// <summary>A circuit breaker that opens on half of at least two calls failing, and then stays open for the run.</summary>
    public static ResiliencePipeline Pipeline(CircuitBreakerStateProvider? state = null) =>
        new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromHours(1),
                StateProvider = state,
            })
            .Build();

    /// <summary>A pipeline whose breaker an outage has opened: its calls failed.</summary>
    public static ResiliencePipeline Opened()
    {
        var state = new CircuitBreakerStateProvider();
        var pipeline = Pipeline(state);
        while (state.CircuitState == CircuitState.Closed)
        {
            try
            {
                pipeline.Execute(static () => throw new ExchangeFailureException(
                    FailureKind.ServerError, ExecutionOutcome.Unknown, "the exchange is down"));
            }
            catch (ExchangeFailureException)
            {
                // Each failure is what moves Polly's breaker towards open.
            }
        }
        return pipeline;
    }
}

internal sealed class PollyExchangeActor(IExchangeClient exchange, ResiliencePipeline pipeline) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not GetPrice query)
        {
            Unhandled(message);
            return;
        }
        var price = pipeline.ExecuteAsync(
            static (call, cancellation) => call.exchange.GetPriceAsync(call.query, cancellation), (exchange, query), CancellationToken.None);
        // As in the engine's connector: an answer that is there at once costs no continuation.
        if (price.IsCompletedSuccessfully)
            Sender.Tell(new PriceQuoted(query, price.Result));
        else
            _ = ReplyLater(query, price, Sender);
    }

    private static async Task ReplyLater(GetPrice query, ValueTask<decimal> price, IActorRef caller)
    {
        ExchangeReply reply;
        try
        {
            reply = new PriceQuoted(query, await price.ConfigureAwait(false));
        }
        catch (BrokenCircuitException open)
        {
            reply = new CircuitOpen(query, open.RetryAfter);
        }
        catch (Exception error)
        {
            reply = FailureClassifier.Classify(query, error);
        }
        caller.Tell(reply);
    }
}
