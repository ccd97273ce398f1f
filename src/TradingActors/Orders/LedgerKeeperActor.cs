using Akka.Actor;
using Akka.Event;
using TradingActors.Configuration;

namespace TradingActors.Orders;

/// <summary>
/// Keeps the order ledger running. A persistent actor whose journal fails a write stops (its record is no longer
/// sure); the keeper starts it again, and it recovers the record from the journal. Meanwhile the keeper holds what
/// comes for the ledger and hands it over, so no caller falls into silence; a journal that keeps failing is given
/// a growing pause between starts, like any backoff.
/// </summary>
internal sealed class LedgerKeeperActor : UntypedActor, IWithUnboundedStash, IWithTimers
{
    private sealed record StartAgain
    {
        public static readonly StartAgain Instance = new();
    }

    private static readonly TimeSpan LivedLongEnough = TimeSpan.FromSeconds(30);

    private readonly Props _ledger;
    private readonly OrderLedgerSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Random _random = new();
    private IActorRef _current = ActorRefs.Nobody;
    private DateTimeOffset _started;
    private int _restarts;

    public IStash Stash { get; set; } = null!;
    public ITimerScheduler Timers { get; set; } = null!;

    public LedgerKeeperActor(Props ledger, OrderLedgerSettings settings)
    {
        _ledger = ledger;
        _settings = settings;
    }

    protected override void PreStart() => Start();

    private void Start()
    {
        _current = Context.Watch(Context.ActorOf(_ledger, "ledger"));
        _started = Context.System.Scheduler.Now;
        Stash.UnstashAll();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Terminated stopped when stopped.ActorRef.Equals(_current):
                _current = ActorRefs.Nobody;
                if (Context.System.Scheduler.Now - _started >= LivedLongEnough)
                    _restarts = 0;
                var pause = Backoff.Wait(_settings.MinBackoff, 2, _restarts++, _settings.MaxBackoff, 0.2, _random);
                _log.Warning("Order ledger stopped; starting it again from its journal in {Pause}", Durations.Wait(pause));
                Timers.StartSingleTimer(nameof(StartAgain), StartAgain.Instance, pause);
                break;
            case StartAgain:
                Start();
                break;
            default:
                if (_current.IsNobody())
                    Stash.Stash();
                else
                    _current.Forward(message);
                break;
        }
    }
}
