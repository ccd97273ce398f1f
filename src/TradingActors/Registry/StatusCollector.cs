using Akka.Actor;
using TradingActors.Breaker;

namespace TradingActors.Registry;

/// <summary>
/// Gathers one status from each breaker for a single <see cref="ExchangeRegistry.GetStatuses"/>,
/// answers it and stops, so the registry never waits on its breakers.
/// </summary>
internal sealed class StatusCollector : UntypedActor
{
    // A breaker stopped between the request and its answer must not leave the requester waiting;
    // a bound is cheaper than watching every breaker for every snapshot.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyCollection<(string Exchange, IActorRef Breaker)> _breakers;
    private readonly IActorRef _requester;
    private readonly List<CircuitBreaker.Status> _statuses;

    /// <param name="breakers">Each exchange with where its breaker is asked: the breaker itself, or in cluster mode the shard region.</param>
    public StatusCollector(IReadOnlyCollection<(string Exchange, IActorRef Breaker)> breakers, IActorRef requester)
    {
        _breakers = breakers;
        _requester = requester;
        _statuses = new List<CircuitBreaker.Status>(breakers.Count);
    }

    public static Props Props(IReadOnlyCollection<(string Exchange, IActorRef Breaker)> breakers, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new StatusCollector(breakers, requester));

    protected override void PreStart()
    {
        foreach (var (exchange, breaker) in _breakers)
            breaker.Tell(new CircuitBreaker.GetStatus(exchange), Self);
        Context.SetReceiveTimeout(Patience);
        if (_breakers.Count == 0)
            Finish();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case CircuitBreaker.Status status:
                _statuses.Add(status);
                if (_statuses.Count == _breakers.Count)
                    Finish();
                break;
            case ReceiveTimeout:
                Finish();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Finish()
    {
        _statuses.Sort((a, b) => string.CompareOrdinal(a.Exchange, b.Exchange));
        _requester.Tell(new ExchangeRegistry.Statuses(_statuses));
        Context.Stop(Self);
    }
}
