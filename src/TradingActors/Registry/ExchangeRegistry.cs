using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Cluster;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Registry;

/// <summary>
/// Owns one breaker per exchange and routes requests and breaker commands to it by exchange name.
/// Exchanges with a configuration section get their breaker at start; a request for any other
/// exchange gets one with the default settings on first use.
/// </summary>
public static class ExchangeRegistry
{
    /// <param name="connector">Props of the exchange actor for a given exchange name; null for a name
    /// the engine cannot reach, whose requests are answered as invalid.</param>
    public static Props Props(TradingSettings settings, Func<string, Props?> connector) =>
        Akka.Actor.Props.Create(() => new ExchangeRegistryActor(settings, connector));

    /// <summary>Cluster mode: the breakers are entities of <paramref name="breakers"/>, the shard region, wherever the cluster puts them.</summary>
    /// <param name="reachable">Whether the engine can reach an exchange: the others' requests are answered as invalid here.</param>
    internal static Props Sharded(TradingSettings settings, Func<string, bool> reachable, IActorRef breakers) =>
        Akka.Actor.Props.Create(() => new ShardedRegistryActor(settings, reachable, breakers));

    /// <summary>
    /// Asks for the summary of every exchange's breaker, answered with <see cref="Statuses"/>. The detailed status of
    /// one exchange (its failure window, settings, response times, transitions) is <see cref="CircuitBreaker.GetStatus"/>.
    /// </summary>
    public sealed record GetStatuses
    {
        public static readonly GetStatuses Instance = new();
    }

    /// <summary>Every breaker's summary, ordered by exchange name; a breaker that did not answer in time is left out.</summary>
    public sealed record Statuses(IReadOnlyList<CircuitBreaker.Summary> Exchanges);

    /// <summary>
    /// Asks where an exchange's requests may be sent without passing through the registry, answered with
    /// <see cref="Resolved"/>. It is answered after every request sent before it has been passed on, so a
    /// sender that switches to the answer keeps its requests in order.
    /// </summary>
    public sealed record Resolve(string Exchange);

    /// <param name="Target">The exchange's breaker; the registry itself where requests must keep passing through it
    /// (an exchange it cannot reach, or a breaker that lives in the cluster's shards). Watch it: a breaker that
    /// stops is made anew behind the registry, under another reference.</param>
    public sealed record Resolved(string Exchange, IActorRef Target);
}

internal sealed class ExchangeRegistryActor : UntypedActor
{
    private readonly TradingSettings _settings;
    private readonly Func<string, Props?> _connector;
    private readonly Dictionary<string, IActorRef> _breakers = new(StringComparer.Ordinal);
    // Sorted once for the snapshots until the next breaker is made.
    private StatusCollector.Roster? _roster;

    public ExchangeRegistryActor(TradingSettings settings, Func<string, Props?> connector)
    {
        _settings = settings;
        _connector = connector;
        foreach (var exchange in settings.Exchanges.Keys)
            BreakerFor(exchange);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (string.IsNullOrWhiteSpace(request.Exchange))
                    Sender.Tell(new InvalidRequest(request, "exchange is empty"));
                else if (BreakerFor(request.Exchange) is { } breaker)
                    breaker.Forward(request);
                else
                    Sender.Tell(new InvalidRequest(request, $"no exchange named '{request.Exchange}' is configured"));
                break;
            case CircuitBreaker.Command command:
                if (BreakerFor(command.Exchange) is { } commanded)
                    commanded.Forward(command);
                else
                    Sender.Tell(new Status.Failure(new ArgumentException($"no exchange named '{command.Exchange}' is configured")));
                break;
            case ExchangeRegistry.Resolve resolve:
                Sender.Tell(new ExchangeRegistry.Resolved(resolve.Exchange,
                    string.IsNullOrWhiteSpace(resolve.Exchange) ? Self : BreakerFor(resolve.Exchange) ?? Self));
                break;
            case ExchangeRegistry.GetStatuses:
                _roster ??= StatusCollector.Roster.Of(_breakers.Select(breaker => (breaker.Key, breaker.Value)));
                Context.ActorOf(StatusCollector.Props(_roster, Sender));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private IActorRef? BreakerFor(string exchange)
    {
        if (_breakers.TryGetValue(exchange, out var breaker))
            return breaker;
        if (_connector(exchange) is not { } connector)
            return null;
        breaker = Context.ActorOf(CircuitBreaker.Compact(exchange, _settings.For(exchange), connector, null, Context.System),
            Uri.EscapeDataString(exchange));
        _breakers.Add(exchange, breaker);
        _roster = null;
        return breaker;
    }
}
