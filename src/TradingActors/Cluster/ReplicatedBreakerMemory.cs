using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Akka.Event;
using TradingActors.Breaker;
using TradingActors.Configuration;

namespace TradingActors.Cluster;

/// <summary>
/// Cluster mode: each node's breakers keep their state here, one Distributed Data register per exchange, written to a majority
/// of the nodes at every change. A breaker started on another node, after its node left or died, reads it back from a majority,
/// so it resumes Open until the same time rather than starting Closed against an exchange that is failing.
/// </summary>
internal static class ReplicatedBreakerMemory
{
    public const string Name = "breaker-memory";

    /// <param name="timeout">How long a write or a read waits for a majority of the nodes.</param>
    public static Props Props(TimeSpan timeout) => Akka.Actor.Props.Create(() => new ReplicatedBreakerMemoryActor(timeout));

    public static LWWRegisterKey<BreakerMemory.Saved> Key(string exchange) => new($"trading-breaker-{exchange}");
}

internal sealed class ReplicatedBreakerMemoryActor(TimeSpan timeout) : UntypedActor
{
    /// <summary>The read under way for a breaker; at a majority first, then, if none answers in time, this node's copy.</summary>
    private sealed record Reading(string Exchange, IActorRef Breaker, bool FromMajority);

    private readonly IActorRef _replicator = DistributedData.Get(Context.System).Replicator;
    private readonly UniqueAddress _self = Akka.Cluster.Cluster.Get(Context.System).SelfUniqueAddress;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case BreakerMemory.Recall recall:
                Read(new Reading(recall.Exchange, Sender, FromMajority: true));
                break;
            case BreakerMemory.Remember { Memory: var memory }:
                _replicator.Tell(Dsl.Update(ReplicatedBreakerMemory.Key(memory.Exchange), new LWWRegister<BreakerMemory.Saved>(_self, memory),
                    new WriteMajority(timeout), memory.Exchange, register => register.WithValue(_self, memory)));
                break;
            case GetSuccess { Request: Reading reading } found:
                reading.Breaker.Tell(new BreakerMemory.Recalled(reading.Exchange, found.Get(ReplicatedBreakerMemory.Key(reading.Exchange)).Value));
                break;
            case NotFound { Request: Reading reading }:
                reading.Breaker.Tell(new BreakerMemory.Recalled(reading.Exchange, null));
                break;
            case GetFailure { Request: Reading reading }:
                _log.Warning("Breaker {Exchange}: no majority of the nodes gave its state within {Timeout}; resuming from this node's copy",
                    reading.Exchange, Durations.Text(timeout));
                Read(reading with { FromMajority = false });
                break;
            case UpdateSuccess:
                break;
            case UpdateTimeout { Request: string exchange }:
                // Written here all the same: gossip spreads it, only a node lost before then would miss it.
                _log.Warning("Breaker {Exchange}: its state reached no majority of the nodes within {Timeout}; it spreads by gossip",
                    exchange, Durations.Text(timeout));
                break;
            case IUpdateFailure failure:
                _log.Error("Breaker state not written: {Failure}", failure);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Read(Reading reading) =>
        _replicator.Tell(Dsl.Get(ReplicatedBreakerMemory.Key(reading.Exchange),
            reading.FromMajority ? new ReadMajority(timeout) : ReadLocal.Instance, reading));
}
