using Akka.Actor;
using Akka.Event;
using TradingActors.Alerts;
using TradingActors.Breaker;
using TradingActors.MarketData;
using TradingActors.Node.Display;

namespace TradingActors.Node.Events;

/// <summary>
/// Keeps the latest breaker transitions, alerts and feed transitions from the EventStream for the
/// dashboard, and counts the alerts for the summary.
/// </summary>
public static class NodeEvents
{
    public static Props Props(int keep) => Akka.Actor.Props.Create(() => new NodeEventsActor(keep));

    public enum Kind { Transition, Alert, Feed }

    /// <param name="Colour">The colour of the state it moved to.</param>
    /// <param name="Text">What happened, such as "Closed -> Open: 3 consecutive failures, ...".</param>
    public sealed record Entry(DateTimeOffset At, string Exchange, Kind Kind, string Colour, string Text);

    public sealed record GetLatest
    {
        public static readonly GetLatest Instance = new();
    }

    /// <param name="Entries">The latest first.</param>
    public sealed record Latest(IReadOnlyList<Entry> Entries, int AlertsRaised);
}

internal sealed class NodeEventsActor(int keep) : UntypedActor
{
    private readonly LinkedList<NodeEvents.Entry> _latest = new();
    private int _alerts;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<BreakerTransitioned>(Self);
        Context.System.EventStream.Subscribe<BreakerAlerts.Alert>(Self);
        Context.System.EventStream.Subscribe<FeedTransitioned>(Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case BreakerTransitioned t:
                Keep(new NodeEvents.Entry(t.At, t.Exchange, NodeEvents.Kind.Transition, StateColour.Of(t.To), $"{t.From} -> {t.To}: {t.Reason}"));
                break;
            case BreakerAlerts.Alert a:
                _alerts++;
                var until = a.OpenUntil is { } openUntil ? $" until {openUntil.ToLocalTime():HH:mm:ss}" : "";
                var heldBack = a.Suppressed > 0 ? $" ({a.Suppressed} held back)" : "";
                Keep(new NodeEvents.Entry(a.At, a.Exchange, NodeEvents.Kind.Alert, StateColour.Of(a.To), $"{a.Level} alert: {a.To}{until}{heldBack}"));
                break;
            case FeedTransitioned f:
                Keep(new NodeEvents.Entry(f.At, $"{f.Exchange} feed", NodeEvents.Kind.Feed, StateColour.Of(f.To),
                    $"{f.From} -> {f.To} ({f.Endpoint.Authority}): {f.Reason}"));
                break;
            case NodeEvents.GetLatest:
                Sender.Tell(new NodeEvents.Latest(_latest.ToList(), _alerts));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Keep(NodeEvents.Entry entry)
    {
        _latest.AddFirst(entry);
        if (_latest.Count > keep)
            _latest.RemoveLast();
    }
}
