using Akka.Actor;
using TradingActors.Breaker;

namespace TradingActors.Registry;

/// <summary>
/// Gathers one summary from each breaker for a single <see cref="ExchangeRegistry.GetStatuses"/>,
/// answers it and stops, so the registry never waits on its breakers.
/// </summary>
internal sealed class StatusCollector : UntypedActor, IWithTimers
{
    // A breaker stopped between the request and its answer must not leave the requester waiting: past this bound
    // the others' summaries are the answer. One timer for the whole snapshot, where a receive timeout would be
    // armed again with each of thousands of replies, and cheaper than watching every breaker for every snapshot.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private sealed record OutOfPatience
    {
        public static readonly OutOfPatience Instance = new();
    }

    /// <summary>
    /// The exchanges to ask, in name order, each with where its breaker is asked (the breaker itself, or in cluster mode
    /// the shard region), and each name's place in that order. Immutable: the registry makes it once and hands the same
    /// one to every snapshot's collector until an exchange is added.
    /// </summary>
    public sealed class Roster
    {
        private Roster((string Exchange, IActorRef Breaker)[] breakers)
        {
            Breakers = breakers;
            var places = new Dictionary<string, int>(breakers.Length, StringComparer.Ordinal);
            for (var place = 0; place < breakers.Length; place++)
                places.Add(breakers[place].Exchange, place);
            Places = places;
        }

        public IReadOnlyList<(string Exchange, IActorRef Breaker)> Breakers { get; }
        public IReadOnlyDictionary<string, int> Places { get; }

        public static Roster Of(IEnumerable<(string Exchange, IActorRef Breaker)> breakers)
        {
            var sorted = breakers.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Exchange, b.Exchange));
            return new Roster(sorted);
        }
    }

    private readonly Roster _roster;
    private readonly IActorRef _requester;
    // In the roster's order; a place stays empty (null) until its breaker answers.
    private readonly CircuitBreaker.Summary[] _summaries;
    private int _answered;

    public ITimerScheduler Timers { get; set; } = null!;

    public StatusCollector(Roster roster, IActorRef requester)
    {
        _roster = roster;
        _requester = requester;
        _summaries = new CircuitBreaker.Summary[roster.Breakers.Count];
    }

    public static Props Props(Roster roster, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new StatusCollector(roster, requester));

    protected override void PreStart()
    {
        if (_summaries.Length == 0)
        {
            Finish();
            return;
        }
        foreach (var (exchange, breaker) in _roster.Breakers)
            breaker.Tell(new CircuitBreaker.GetSummary(exchange), Self);
        Timers.StartSingleTimer(OutOfPatience.Instance, OutOfPatience.Instance, Patience);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            // Matched by exchange name, and kept in the roster's order: no sort per snapshot.
            case CircuitBreaker.Summary summary:
                _summaries[_roster.Places[summary.Exchange]] = summary;
                if (++_answered == _summaries.Length)
                    Finish();
                break;
            case OutOfPatience:
                Finish();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Finish()
    {
        // All answered, the array is full: handed on as it is, with no copy.
        IReadOnlyList<CircuitBreaker.Summary> answers = _answered == _summaries.Length
            ? _summaries
            : _summaries.OfType<CircuitBreaker.Summary>().ToArray();
        _requester.Tell(new ExchangeRegistry.Statuses(answers));
        Context.Stop(Self);
    }
}
