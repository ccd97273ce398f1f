using System.Net.Http.Json;
using Akka.Actor;
using Akka.Event;
using TradingActors.Breaker;
using TradingActors.Configuration;

namespace TradingActors.Alerts;

public enum AlertLevel { Notice, Warning }

/// <summary>
/// Homework 2: listens to every breaker's transitions on the EventStream and raises an alert when a
/// breaker opens (a warning, also for an isolation by hand) or recovers (a notice). A flapping breaker
/// raises at most one alert per exchange per <c>interval</c>; the next one says how many were held back.
/// Alerts go to the log, to the EventStream (for dashboards) and, when configured, to a webhook.
/// </summary>
public static class BreakerAlerts
{
    public sealed record Settings(TimeSpan Interval, Uri? Webhook, TimeSpan WebhookTimeout);

    /// <param name="Suppressed">Alerts for this exchange held back since the last one raised.</param>
    public sealed record Alert(
        string Exchange, AlertLevel Level, BreakerState From, BreakerState To, string Reason,
        DateTimeOffset At, DateTimeOffset? OpenUntil, int Suppressed);

    public static Props Props(Settings settings) => Akka.Actor.Props.Create(() => new BreakerAlertsActor(settings));

    /// <summary>How many alerts were held back, as a sentence ends: nothing for none.</summary>
    public static string HeldBack(int suppressed) => suppressed switch
    {
        0 => "",
        1 => " (1 alert held back)",
        _ => $" ({suppressed} alerts held back)",
    };
}

internal sealed class BreakerAlertsActor(BreakerAlerts.Settings settings) : UntypedActor
{
    private sealed record WebhookFailed(string Exchange, string Problem);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, (DateTimeOffset Raised, int Suppressed)> _last = new(StringComparer.Ordinal);
    private HttpClient? _webhook;

    protected override void PreStart()
    {
        if (settings.Webhook is not null)
            _webhook = new HttpClient { Timeout = settings.WebhookTimeout };
        Context.System.EventStream.Subscribe<BreakerTransitioned>(Self);
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _webhook?.Dispose();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case BreakerTransitioned transition when LevelOf(transition) is { } level:
                Raise(transition, level);
                break;
            case BreakerTransitioned:
                break;
            case WebhookFailed failed:
                _log.Warning("Alert webhook for {Exchange} failed: {Problem}", failed.Exchange, failed.Problem);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private static AlertLevel? LevelOf(BreakerTransitioned transition) => transition.To switch
    {
        BreakerState.Open or BreakerState.Isolated => AlertLevel.Warning,
        BreakerState.Closed => AlertLevel.Notice,
        _ => null,
    };

    private void Raise(BreakerTransitioned transition, AlertLevel level)
    {
        if (_last.TryGetValue(transition.Exchange, out var last) && transition.At - last.Raised < settings.Interval)
        {
            _last[transition.Exchange] = last with { Suppressed = last.Suppressed + 1 };
            return;
        }
        _last[transition.Exchange] = (transition.At, 0);
        var alert = new BreakerAlerts.Alert(transition.Exchange, level, transition.From, transition.To, transition.Reason,
            transition.At, transition.OpenUntil, last.Suppressed);
        var heldBack = BreakerAlerts.HeldBack(alert.Suppressed);
        if (level == AlertLevel.Warning)
            _log.Warning("ALERT {Exchange} breaker {To}{Until}: {Reason}{HeldBack}", alert.Exchange, alert.To,
                alert.OpenUntil is { } until ? $" until {Durations.TimeOfDay(until)}" : "", alert.Reason, heldBack);
        else
            _log.Info("Recovered: {Exchange} breaker {To}: {Reason}{HeldBack}", alert.Exchange, alert.To, alert.Reason, heldBack);
        Context.System.EventStream.Publish(alert);
        if (_webhook is not null)
            _ = Post(_webhook, settings.Webhook!, alert, Self);
    }

    // Fire and forget, bounded by the client's timeout: a dead webhook costs the engine nothing.
    private static async Task Post(HttpClient client, Uri webhook, BreakerAlerts.Alert alert, IActorRef self)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(webhook, alert).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                self.Tell(new WebhookFailed(alert.Exchange, $"HTTP {(int)response.StatusCode}"));
        }
        catch (Exception error)
        {
            self.Tell(new WebhookFailed(alert.Exchange, error.Message));
        }
    }
}
