using TradingActors.Metrics;

namespace TradingActors.MarketData;

/// <summary>One feed's figures, owned and written by that feed actor alone, and recorded into the engine's meter as they happen.</summary>
internal sealed class FeedMetrics
{
    private static readonly KeyValuePair<string, object?> Duplicate = new("reason", "duplicate");
    private static readonly KeyValuePair<string, object?> Malformed = new("reason", "malformed");

    private readonly string _exchangeName;
    private readonly KeyValuePair<string, object?> _exchange;
    private readonly EngineMeter _meter;
    private long _ticks;
    private long _duplicates;
    private long _malformed;
    private long _gaps;
    private long _missed;
    private long _failedAttempts;
    private long _reconnects;
    private long _failovers;
    private long _primaryReturns;

    public FeedMetrics(string exchange, EngineMeter meter)
    {
        _exchangeName = exchange;
        _exchange = new KeyValuePair<string, object?>("exchange", exchange);
        _meter = meter;
        _meter.RecordFeedState(exchange, FeedState.Connecting);
    }

    /// <summary>The feed stopped: its state leaves the engine's gauge.</summary>
    public void Forget() => _meter.ForgetFeed(_exchangeName);

    public void RecordTick()
    {
        _ticks++;
        _meter.FeedTicks.Add(1, _exchange);
    }

    public void RecordDuplicate()
    {
        _duplicates++;
        _meter.FeedDroppedFrames.Add(1, _exchange, Duplicate);
    }

    public void RecordMalformed()
    {
        _malformed++;
        _meter.FeedDroppedFrames.Add(1, _exchange, Malformed);
    }

    public void RecordGap(string symbol, long missed)
    {
        _gaps++;
        _missed += missed;
        var tag = new KeyValuePair<string, object?>("symbol", symbol);
        _meter.FeedGaps.Add(1, _exchange, tag);
        _meter.FeedMissedTicks.Add(missed, _exchange, tag);
    }

    public void RecordFailedAttempt() => _failedAttempts++;

    public void RecordReconnect()
    {
        _reconnects++;
        _meter.FeedReconnects.Add(1, _exchange);
    }

    public void RecordFailover()
    {
        _failovers++;
        _meter.FeedFailovers.Add(1, _exchange);
    }

    public void RecordPrimaryReturn() => _primaryReturns++;

    public void RecordTransition(FeedState to)
    {
        _meter.RecordFeedState(_exchangeName, to);
        _meter.FeedTransitions.Add(1, _exchange, new KeyValuePair<string, object?>("state", StateTag(to)));
    }

    public FeedCounts Snapshot() =>
        new(_ticks, _duplicates, _malformed, _gaps, _missed, _failedAttempts, _reconnects, _failovers, _primaryReturns);

    private static string StateTag(FeedState state) => state == FeedState.OnBackup ? "on_backup" : state.ToString().ToLowerInvariant();
}

/// <summary>
/// A feed's lifetime figures: <c>Ticks</c> delivered to subscribers; frames dropped as <c>Duplicates</c>
/// or <c>MalformedFrames</c>; <c>Gaps</c> in trade ids and the <c>MissedTicks</c> inside them;
/// <c>FailedAttempts</c> to open a socket (a socket that closes before its first frame counts as one);
/// <c>Reconnects</c> after a lost connection; <c>Failovers</c> from one endpoint to the other by the
/// failover rule; <c>PrimaryReturns</c> from the backup after the primary answered a probe.
/// </summary>
public sealed record FeedCounts(
    long Ticks,
    long Duplicates,
    long MalformedFrames,
    long Gaps,
    long MissedTicks,
    long FailedAttempts,
    long Reconnects,
    long Failovers,
    long PrimaryReturns);
