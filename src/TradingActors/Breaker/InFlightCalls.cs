using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Breaker;

/// <summary>
/// The calls a breaker has sent to its exchange and not yet answered, found by their request's id.
/// Deadlines are kept in admission order, which (with one call timeout per breaker) is also their
/// due order, so one timer armed for the earliest deadline covers them all.
/// </summary>
internal sealed class InFlightCalls
{
    /// <param name="Id">This call's own number: a deadline or a retry timer names the call it was armed for.</param>
    /// <param name="Attempts">Retries sent so far.</param>
    internal readonly record struct Call(long Id, ExchangeRequest Request, IActorRef Caller, long StartedTicks, long Generation, int Attempts = 0);

    private readonly record struct Deadline(RequestId Request, long CallId, long DueTicks);

    private readonly Dictionary<RequestId, Call> _calls = new();
    private readonly Queue<Deadline> _deadlines = new();
    private long _nextId;

    public int Count => _calls.Count;

    public bool Contains(RequestId request) => _calls.ContainsKey(request);

    /// <summary>Records a call; its request's id must not be in flight already.</summary>
    public void Add(ExchangeRequest request, IActorRef caller, long nowTicks, long timeoutTicks, long generation)
    {
        var id = ++_nextId;
        _calls.Add(request.Id, new Call(id, request, caller, nowTicks, generation));
        _deadlines.Enqueue(new Deadline(request.Id, id, nowTicks + timeoutTicks));
    }

    public bool TryGet(RequestId request, out Call call) => _calls.TryGetValue(request, out call);

    public bool IsInFlight(RequestId request, long callId) =>
        _calls.TryGetValue(request, out var call) && call.Id == callId;

    public void CountAttempt(RequestId request)
    {
        ref var call = ref CollectionsMarshal.GetValueRefOrNullRef(_calls, request);
        if (!Unsafe.IsNullRef(ref call))
            call = call with { Attempts = call.Attempts + 1 };
    }

    public bool TryRemove(RequestId request, out Call call)
    {
        if (!_calls.Remove(request, out call))
            return false;
        // Calls mostly end in the order they began: then the head is this very call, and needs no lookup.
        // Heads settled out of order are dropped by the next removal that is not the head, or the next sweep.
        if (_deadlines.TryPeek(out var head) && head.CallId == call.Id)
            _deadlines.Dequeue();
        else
            DropSettledDeadlines();
        return true;
    }

    /// <summary>Takes the next call whose deadline has passed, if there is one.</summary>
    public bool TryTakeOverdue(long nowTicks, out Call call)
    {
        DropSettledDeadlines();
        if (_deadlines.TryPeek(out var next) && next.DueTicks <= nowTicks)
        {
            _deadlines.Dequeue();
            return _calls.Remove(next.Request, out call);
        }
        call = default;
        return false;
    }

    /// <summary>The earliest deadline of a call still in flight, in scheduler ticks.</summary>
    public long? NextDeadline
    {
        get
        {
            DropSettledDeadlines();
            return _deadlines.TryPeek(out var next) ? next.DueTicks : null;
        }
    }

    /// <summary>The earliest deadline of a call admitted in <paramref name="generation"/> and still in flight.</summary>
    public long? NextDeadlineOf(long generation)
    {
        foreach (var deadline in _deadlines)
            if (_calls.TryGetValue(deadline.Request, out var call) && call.Id == deadline.CallId && call.Generation == generation)
                return deadline.DueTicks;
        return null;
    }

    /// <summary>Removes and returns every call, for a breaker that must answer them all before it stops.</summary>
    public IReadOnlyList<Call> TakeAll()
    {
        var all = _calls.Values.ToArray();
        _calls.Clear();
        _deadlines.Clear();
        return all;
    }

    // Most calls are answered long before their deadline; dropping their deadlines as soon as they
    // reach the head keeps the queue as short as the calls really in flight.
    private void DropSettledDeadlines()
    {
        while (_deadlines.TryPeek(out var head)
               && (!_calls.TryGetValue(head.Request, out var call) || call.Id != head.CallId))
            _deadlines.Dequeue();
    }
}
