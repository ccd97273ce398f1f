using System.Diagnostics;

namespace TradingActors.Benchmarks.Feeds;

/// <summary>
/// What one receiver (the bare loop's task, or the feed's subscriber actor) counts of the trades it gets: how
/// many, whether any trade id was skipped, and while an operation waits, each trade's delivery latency from the
/// source's send time. Written by the receiver alone; a benchmark operation waits on <see cref="Expect"/>.
/// </summary>
internal sealed class Deliveries(TradeFrameSource source)
{
    private long _count;
    private long _lastId;
    private long _target;
    private TaskCompletionSource? _waiting;

    public Latencies Latencies { get; } = new();

    /// <summary>Trades that came with an id other than the one after the last: the source never skips, so each is a trade lost.</summary>
    public long Skipped { get; private set; }

    /// <summary>Completes once <paramref name="trades"/> more trades have come.</summary>
    public Task Expect(int trades)
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The target before the waiter: a receiver that sees the waiter sees its target.
        Volatile.Write(ref _target, Volatile.Read(ref _count) + trades);
        Volatile.Write(ref _waiting, waiting);
        return waiting.Task;
    }

    public void Received(long tradeId)
    {
        if (tradeId != _lastId + 1)
            Skipped++;
        _lastId = tradeId;
        var count = Volatile.Read(ref _count) + 1;
        Volatile.Write(ref _count, count);
        if (Volatile.Read(ref _waiting) is not { } waiting)
            return;
        Latencies.Add(Stopwatch.GetTimestamp() - source.SentAt(tradeId));
        if (count < Volatile.Read(ref _target))
            return;
        Volatile.Write(ref _waiting, null);
        Latencies.EndBatch();
        waiting.SetResult();
    }
}
