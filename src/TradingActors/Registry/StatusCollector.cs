using Akka.Actor;
using TradingActors.Breaker;

namespace TradingActors.Registry;

/// <summary>
/// Gathers one status from each breaker for a single <see cref="ExchangeRegistry.GetStatuses"/>,
/// answers it and stops, so the registry never waits on its breakers.
/// </summary>
internal sealed class StatusCollector : UntypedActor
{
    private readonly IReadOnlyCollection<IActorRef> _breakers;
    private readonly IActorRef _requester;
    private readonly List<CircuitBreaker.Status> _statuses;
    private int _awaited;

    public StatusCollector(IReadOnlyCollection<IActorRef> breakers, IActorRef requester)
    {
        _breakers = breakers;
        _requester = requester;
        _awaited = breakers.Count;
        _statuses = new List<CircuitBreaker.Status>(_awaited);
    }

    protected override void PreStart()
    {
        foreach (var breaker in _breakers)
        {
            // A breaker that stops before answering must not leave the requester waiting.
            Context.Watch(breaker);
            breaker.Tell(new CircuitBreaker.GetStatus(breaker.Path.Name), Self);
        }
        if (_awaited == 0)
            Finish();
    }

    public static Props Props(IReadOnlyCollection<IActorRef> breakers, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new StatusCollector(breakers, requester));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case CircuitBreaker.Status status:
                _statuses.Add(status);
                Context.Unwatch(Sender);
                Arrived();
                break;
            case Terminated:
                Arrived();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Arrived()
    {
        if (--_awaited == 0)
            Finish();
    }

    private void Finish()
    {
        _statuses.Sort((a, b) => string.CompareOrdinal(a.Exchange, b.Exchange));
        _requester.Tell(new ExchangeRegistry.Statuses(_statuses));
        Context.Stop(Self);
    }
}
