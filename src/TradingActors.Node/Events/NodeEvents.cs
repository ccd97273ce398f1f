using Akka.Actor;
using Akka.Event;
using TradingActors.Alerts;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.MarketData;
using TradingActors.Orders;
using TradingActors.Node.Display;

namespace TradingActors.Node.Events;

/// <summary>
/// Keeps the latest breaker transitions, alerts, feed transitions and the order ledger's news (an outcome
/// lost, an order reconciled, one needing attention, one never sent) from the EventStream for the
/// dashboard, and counts the alerts for the summary.
/// </summary>
public static class NodeEvents
{
    public static Props Props(int keep) => Akka.Actor.Props.Create(() => new NodeEventsActor(keep));

    public enum Kind { Transition, Alert, Feed, Order }

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
        Context.System.EventStream.Subscribe<OrderOutcomeLost>(Self);
        Context.System.EventStream.Subscribe<OrderReconciled>(Self);
        Context.System.EventStream.Subscribe<OrderNeedsAttention>(Self);
        Context.System.EventStream.Subscribe<ExternalOrderFound>(Self);
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
                var until = a.OpenUntil is { } openUntil ? $" until {Durations.TimeOfDay(openUntil)}" : "";
                Keep(new NodeEvents.Entry(a.At, a.Exchange, NodeEvents.Kind.Alert, StateColour.Of(a.To),
                    $"{a.Level} alert: {a.To}{until}{BreakerAlerts.HeldBack(a.Suppressed)}"));
                break;
            case FeedTransitioned f:
                Keep(new NodeEvents.Entry(f.At, $"{f.Exchange} feed", NodeEvents.Kind.Feed, StateColour.Of(f.To),
                    $"{f.From} -> {f.To} ({f.Endpoint.Authority}): {f.Reason}"));
                break;
            case OrderOutcomeLost lost:
                KeepOrder(lost.At, lost.Exchange, "yellow", $"order {lost.ClientOrderId}: outcome unknown, reconciling ({lost.Detail})");
                break;
            case OrderReconciled reconciled:
                KeepOrder(reconciled.At, reconciled.Exchange, "green", $"order {reconciled.ClientOrderId}: reconciled, {reconciled.Life}: {reconciled.Detail}");
                break;
            case OrderNeedsAttention attention:
                KeepOrder(attention.At, null, "red", $"order {attention.ClientOrderId}: needs attention, {attention.Reason}");
                break;
            case ExternalOrderFound external:
                KeepOrder(external.At, external.Exchange, "red", $"order {external.Report.ClientOrderId}: external, never sent by this engine; left alone");
                break;
            case NodeEvents.GetLatest:
                Sender.Tell(new NodeEvents.Latest(_latest.ToList(), _alerts));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void KeepOrder(DateTimeOffset at, string? exchange, string colour, string text) =>
        Keep(new NodeEvents.Entry(at, exchange is null ? "orders" : $"{exchange} orders", NodeEvents.Kind.Order, colour, text));

    private void Keep(NodeEvents.Entry entry)
    {
        _latest.AddFirst(entry);
        if (_latest.Count > keep)
            _latest.RemoveLast();
    }
}
