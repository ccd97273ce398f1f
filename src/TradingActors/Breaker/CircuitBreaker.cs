using Akka.Actor;
using TradingActors.Configuration;
using TradingActors.Metrics;

namespace TradingActors.Breaker;

/// <summary>
/// The breaker actor: one per exchange, the parent and supervisor of that exchange's connector.
/// Requests for the exchange come to it; it admits them to the connector or answers them at once,
/// and every answer to a caller leaves from here, exactly once.
/// </summary>
public static class CircuitBreaker
{
    /// <param name="connector">Props of the exchange actor it supervises (a TestProbe's forwarder will do).</param>
    public static Props Props(string exchange, BreakerSettings settings, Props connector) =>
        Akka.Actor.Props.Create(() => new CircuitBreakerActor(exchange, settings, connector));

    /// <summary>A breaker that resumes from, and keeps its state in, <paramref name="memory"/> (cluster mode).</summary>
    internal static Props Props(string exchange, BreakerSettings settings, Props connector, IActorRef memory) =>
        Akka.Actor.Props.Create(() => new CircuitBreakerActor.WithMemory(exchange, settings, connector, memory));

    /// <summary>
    /// The breakers the engine makes by the thousand (the registry's, the shard region's): in the <see cref="CompactMailbox"/>,
    /// which this gives to <paramref name="system"/>.
    /// </summary>
    /// <param name="memory">As for the cluster's breakers; null on one node.</param>
    internal static Props Compact(string exchange, BreakerSettings settings, Props connector, IActorRef? memory, ActorSystem system)
    {
        CompactMailbox.Install(system);
        return memory is null
            ? new Props(CompactMailbox.Deploy, typeof(CircuitBreakerActor), exchange, settings, connector)
            : new Props(CompactMailbox.Deploy, typeof(CircuitBreakerActor.WithMemory), exchange, settings, connector, memory);
    }

    /// <summary>A command for the breaker of <see cref="Exchange"/>; each is answered with its <see cref="Status"/>.</summary>
    public abstract record Command(string Exchange);

    public sealed record GetStatus(string Exchange) : Command(Exchange);

    /// <summary>Opens the breaker by hand until <see cref="Reset"/>: no timer will half-open it.</summary>
    public sealed record Isolate(string Exchange, string Reason) : Command(Exchange);

    /// <summary>Closes the breaker by hand and clears its deciding window (not its lifetime metrics).</summary>
    public sealed record Reset(string Exchange) : Command(Exchange);

    /// <summary>Lets every call through and keeps recording, but never opens, until <see cref="Reset"/>.</summary>
    public sealed record RecordOnly(string Exchange) : Command(Exchange);

    /// <summary>
    /// Asks the breaker for its <see cref="Summary"/>: what the registry asks of every breaker at once for
    /// <see cref="Registry.ExchangeRegistry.GetStatuses"/>.
    /// </summary>
    public sealed record GetSummary(string Exchange);

    /// <summary>
    /// One breaker in a few figures, cheap to make and to gather from thousands of breakers at once. Its <see cref="Status"/>
    /// adds the failure window, the settings, the response times and the transitions: asked of one exchange with <see cref="GetStatus"/>.
    /// </summary>
    /// <param name="Successful">Lifetime figures as in <see cref="MetricsSnapshot"/>: calls that succeeded (a business rejection included), ...</param>
    /// <param name="Failed">... calls that failed (a timeout included), ...</param>
    /// <param name="Rejected">... requests turned away while the circuit was open, ...</param>
    /// <param name="BulkheadFull">... and those refused for want of a free call slot.</param>
    /// <param name="Node">As in <see cref="Status"/>: the node hosting the breaker in cluster mode, else null.</param>
    public sealed record Summary(
        string Exchange,
        BreakerState State,
        int InFlight,
        int Queued,
        int Openings,
        DateTimeOffset? OpenUntil,
        long Successful,
        long Failed,
        long Rejected,
        long BulkheadFull,
        string? Node = null);

    /// <summary>An immutable snapshot of one breaker.</summary>
    /// <param name="Window">The failure policy's figures, such as "2/3 in a row" or "4 of 10 failed, 0 slow".</param>
    /// <param name="Openings">Consecutive openings so far; the next opening lasts longer for each.</param>
    /// <param name="OpenUntil">When the timer will half-open it, while it is Open.</param>
    /// <param name="Node">The address of the node hosting the breaker, in cluster mode; null on a node without remoting.</param>
    public sealed record Status(
        string Exchange,
        BreakerState State,
        int ConsecutiveFailures,
        string Window,
        int HalfOpenSuccesses,
        int InFlight,
        int Queued,
        int Openings,
        DateTimeOffset? OpenUntil,
        BreakerSettings Settings,
        MetricsSnapshot Metrics,
        string? Node = null);
}
