using System.Diagnostics;
using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks.Actors;

/// <summary>
/// The <see cref="Caller"/> (a fixed number in flight, the next sent as each reply comes in, a batch run by
/// <see cref="Caller.Run"/>) that also times every request from its send to its reply, into
/// <see cref="Latencies"/>. A separate actor, so that the benchmarks that do not report latencies do not pay
/// for two clock reads per request.
/// </summary>
internal static class TimedCaller
{
    public static IActorRef Start<TExpected>(ActorSystem system, IActorRef target, Func<ExchangeRequest> request, Latencies latencies)
        where TExpected : ExchangeReply =>
        system.ActorOf(Props.Create(() => new TimedCallerActor<TExpected>(target, request, latencies)));
}

internal sealed class TimedCallerActor<TExpected>(IActorRef target, Func<ExchangeRequest> request, Latencies latencies) : UntypedActor
    where TExpected : ExchangeReply
{
    // Replies are matched to their sends by request id: with many in flight they need not come back in order.
    private readonly Dictionary<RequestId, long> _sentAt = new();
    private Caller.Batch? _batch;
    private int _sent;
    private int _answered;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Caller.Batch batch:
                (_batch, _sent, _answered) = (batch, 0, 0);
                _sentAt.Clear();
                while (_sent < Math.Min(batch.InFlight, batch.Requests))
                    SendNext();
                break;
            case TExpected reply when _batch is { } batch:
                var answeredAt = Stopwatch.GetTimestamp();
                if (!_sentAt.Remove(reply.Request.Id, out var sentAt))
                {
                    Fail(batch, $"a reply to a request this batch did not send: {reply}");
                    break;
                }
                latencies.Add(answeredAt - sentAt);
                if (_sent < batch.Requests)
                    SendNext();
                if (++_answered == batch.Requests)
                {
                    _batch = null;
                    latencies.EndBatch();
                    batch.Answered.SetResult();
                }
                break;
            case ExchangeReply unexpected when _batch is { } batch:
                Fail(batch, $"expected {typeof(TExpected).Name}, got {unexpected}");
                break;
            case ExchangeReply:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void SendNext()
    {
        var next = request();
        _sent++;
        _sentAt[next.Id] = Stopwatch.GetTimestamp();
        target.Tell(next, Self);
    }

    private void Fail(Caller.Batch batch, string why)
    {
        _batch = null;
        batch.Answered.SetException(new InvalidOperationException(why));
    }
}
