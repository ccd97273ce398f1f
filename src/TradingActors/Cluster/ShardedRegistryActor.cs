using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Registry;

namespace TradingActors.Cluster;

/// <summary>
/// The exchange registry in cluster mode. Each exchange's breaker runs on whichever node the cluster gives it, so requests go
/// to the shard region, and their answers come back through here: a request whose breaker was moving, or whose node died with
/// it, is answered all the same, once, when it has waited as long as the breaker could have taken.
/// </summary>
internal sealed class ShardedRegistryActor : UntypedActor, IWithTimers
{
    private sealed record NoAnswer(RequestId Request);

    private readonly TradingSettings _settings;
    private readonly Func<string, bool> _reachable;
    private readonly IActorRef _breakers;
    /// <summary>The exchanges known to be reachable: each configured one at start, any other once a request names it.</summary>
    private readonly SortedSet<string> _exchanges;
    private readonly Dictionary<RequestId, (ExchangeRequest Request, IActorRef Caller)> _waiting = new();
    // Made once for the snapshots until the next exchange becomes known.
    private StatusCollector.Roster? _roster;

    public ITimerScheduler Timers { get; set; } = null!;

    public ShardedRegistryActor(TradingSettings settings, Func<string, bool> reachable, IActorRef breakers)
    {
        _settings = settings;
        _reachable = reachable;
        _breakers = breakers;
        _exchanges = new SortedSet<string>(settings.Exchanges.Keys.Where(reachable), StringComparer.Ordinal);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ExchangeRequest request:
                if (string.IsNullOrWhiteSpace(request.Exchange))
                    Sender.Tell(new InvalidRequest(request, "exchange is empty"));
                else if (!IsReachable(request.Exchange))
                    Sender.Tell(new InvalidRequest(request, $"no exchange named '{request.Exchange}' is configured"));
                else
                    Send(request.Identified());
                break;
            case ExchangeReply reply:
                // Not waiting: it was answered already, when its patience ran out.
                if (_waiting.Remove(reply.Request.Id, out var answered))
                {
                    Timers.Cancel(reply.Request.Id);
                    answered.Caller.Tell(reply);
                }
                break;
            case NoAnswer none:
                if (_waiting.Remove(none.Request, out var unanswered))
                    unanswered.Caller.Tell(new ExchangeFailed(unanswered.Request, FailureKind.Timeout, ExecutionOutcome.Unknown, null,
                        $"no answer from the {unanswered.Request.Exchange} breaker within {Durations.Text(Patience(unanswered.Request.Exchange))}: " +
                        "its node may have failed, or the breaker is moving to another node"));
                break;
            case CircuitBreaker.Command command:
                if (IsReachable(command.Exchange))
                    Context.ActorOf(BreakerCommandRelay.Props(command, _breakers, Sender, Patience(command.Exchange)));
                else
                    Sender.Tell(new Status.Failure(new ArgumentException($"no exchange named '{command.Exchange}' is configured")));
                break;
            // A breaker's home may change with the cluster, so its requests always come through here.
            case ExchangeRegistry.Resolve resolve:
                Sender.Tell(new ExchangeRegistry.Resolved(resolve.Exchange, Self));
                break;
            case ExchangeRegistry.GetStatuses:
                _roster ??= StatusCollector.Roster.Of(_exchanges.Select(exchange => (exchange, _breakers)));
                Context.ActorOf(StatusCollector.Props(_roster, Sender));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Send(ExchangeRequest request)
    {
        if (_waiting.ContainsKey(request.Id))
        {
            Sender.Tell(new InvalidRequest(request, $"request {request.Id} is already in flight"));
            return;
        }
        _waiting.Add(request.Id, (request, Sender));
        Timers.StartSingleTimer(request.Id, new NoAnswer(request.Id), Patience(request.Exchange));
        _breakers.Tell(request, Self);
    }

    private TimeSpan Patience(string exchange) => _settings.ClusterPatience(exchange);

    private bool IsReachable(string exchange)
    {
        if (_exchanges.Contains(exchange))
            return true;
        if (!_reachable(exchange) || !_exchanges.Add(exchange))
            return false;
        _roster = null;
        return true;
    }
}

/// <summary>
/// One breaker command on its way to a breaker that may be on another node: its answer goes to the caller, or, when none
/// comes within the patience (the breaker's node failed, or it is moving), a failure that says so. Then it stops.
/// </summary>
internal sealed class BreakerCommandRelay(CircuitBreaker.Command command, IActorRef breakers, IActorRef caller, TimeSpan patience) : UntypedActor
{
    public static Props Props(CircuitBreaker.Command command, IActorRef breakers, IActorRef caller, TimeSpan patience) =>
        Akka.Actor.Props.Create(() => new BreakerCommandRelay(command, breakers, caller, patience));

    protected override void PreStart()
    {
        breakers.Tell(command, Self);
        Context.SetReceiveTimeout(patience);
    }

    protected override void OnReceive(object message)
    {
        caller.Tell(message is ReceiveTimeout
            ? new Status.Failure(new TimeoutException(
                $"no answer from the {command.Exchange} breaker within {Durations.Text(patience)}: its node may have failed, or it is moving"))
            : message);
        Context.Stop(Self);
    }
}
