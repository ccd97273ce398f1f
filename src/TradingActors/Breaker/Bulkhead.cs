using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Breaker;

/// <summary>
/// The requests waiting for a free call slot, oldest first. It never holds more than
/// <c>max-queued-calls</c>, and a request that waits a whole call timeout is answered, not kept.
/// </summary>
internal sealed class Bulkhead(int maxConcurrent, int maxQueued)
{
    internal readonly record struct Waiting(ExchangeRequest Request, IActorRef Caller, long QueuedTicks);

    // Made with the first request that has to wait: most breakers never queue one.
    private Queue<Waiting>? _queue;
    private HashSet<RequestId>? _waitingIds;

    public int Queued => _queue?.Count ?? 0;

    public bool HasRoom(int inFlight) => inFlight < maxConcurrent;

    public bool Holds(RequestId request) => Queued > 0 && _waitingIds!.Contains(request);

    public bool TryQueue(ExchangeRequest request, IActorRef caller, long nowTicks)
    {
        if (Queued >= maxQueued)
            return false;
        (_queue ??= new Queue<Waiting>()).Enqueue(new Waiting(request, caller, nowTicks));
        (_waitingIds ??= []).Add(request.Id);
        return true;
    }

    public bool TryTakeNext(out Waiting next)
    {
        next = default;
        return _queue is not null && _queue.TryDequeue(out next) && _waitingIds!.Remove(next.Request.Id);
    }

    /// <summary>Takes the oldest waiting request if it has waited since <paramref name="queuedBefore"/> or earlier.</summary>
    public bool TryTakeOverdue(long queuedBefore, out Waiting overdue)
    {
        overdue = default;
        return _queue is not null && _queue.TryPeek(out overdue) && overdue.QueuedTicks <= queuedBefore && TryTakeNext(out overdue);
    }

    public long? OldestQueuedTicks => _queue is not null && _queue.TryPeek(out var oldest) ? oldest.QueuedTicks : null;

    public IEnumerable<Waiting> TakeAll()
    {
        while (TryTakeNext(out var waiting))
            yield return waiting;
    }
}
