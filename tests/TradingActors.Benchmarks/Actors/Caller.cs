using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// A trading host's actor calling the engine: it keeps a fixed number of requests in flight, sends
/// the next one as each reply comes in, and completes the batch's task once every reply has arrived.
/// A reply of another kind than the benchmark expects fails the batch, so a benchmark cannot quietly
/// measure the wrong path (a full bulkhead, a breaker that did not open).
/// </summary>
internal static class Caller
{
    /// <param name="request">The request to send as the nth of a batch: a new one each time, as a host sends them.</param>
    public static IActorRef Start<TExpected>(ActorSystem system, IActorRef target, Func<int, ExchangeRequest>? request = null)
        where TExpected : ExchangeReply =>
        system.ActorOf(Props.Create(() => new CallerActor<TExpected>(target, request ?? (static _ => Engine.Price()))));

    /// <summary>Sends <paramref name="requests"/> requests, <paramref name="inFlight"/> at a time; completes when all are answered.</summary>
    public static Task Run(this IActorRef caller, int requests, int inFlight)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        caller.Tell(new Batch(requests, inFlight, answered));
        return answered.Task;
    }

    internal sealed record Batch(int Requests, int InFlight, TaskCompletionSource Answered);
}

internal sealed class CallerActor<TExpected>(IActorRef target, Func<int, ExchangeRequest> request) : UntypedActor
    where TExpected : ExchangeReply
{
    private Caller.Batch? _batch;
    private int _sent;
    private int _answered;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Caller.Batch batch:
                (_batch, _sent, _answered) = (batch, 0, 0);
                while (_sent < Math.Min(batch.InFlight, batch.Requests))
                    SendNext();
                break;
            case TExpected when _batch is { } batch:
                if (_sent < batch.Requests)
                    SendNext();
                if (++_answered == batch.Requests)
                {
                    _batch = null;
                    batch.Answered.SetResult();
                }
                break;
            case ExchangeReply unexpected when _batch is { } batch:
                _batch = null;
                batch.Answered.SetException(new InvalidOperationException($"expected {typeof(TExpected).Name}, got {unexpected}"));
                break;
            // Replies outside a batch (calls that a stopping breaker answers) are not the benchmark's.
            case ExchangeReply:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void SendNext() => target.Tell(request(_sent++), Self);
}
