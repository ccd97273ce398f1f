using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// Code outside the actors calling the engine: each request is an awaited Ask, <c>inFlight</c> of them
/// at once. A reply of another kind than <typeparamref name="TExpected"/> fails the Ask, and so the benchmark.
/// </summary>
internal static class Asking<TExpected> where TExpected : ExchangeReply
{
    public static Task Run(IActorRef target, int requests, int inFlight)
    {
        var lanes = new Task[inFlight];
        for (var lane = 0; lane < inFlight; lane++)
            lanes[lane] = AskInTurn(target, requests / inFlight);
        return Task.WhenAll(lanes);
    }

    private static async Task AskInTurn(IActorRef target, int requests)
    {
        for (var i = 0; i < requests; i++)
            await target.Ask<TExpected>(Engine.Price()).ConfigureAwait(false);
    }
}
