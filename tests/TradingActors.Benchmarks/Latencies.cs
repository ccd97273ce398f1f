using System.Diagnostics;

namespace TradingActors.Benchmarks;

/// <summary>
/// The send-to-reply times of the requests a <see cref="Actors.TimedCaller"/> (or a lane of awaited calls) sent during one benchmark's run,
/// the latest million of them, and their percentiles over every batch but the first (BenchmarkDotNet's jitting
/// invocation), or over the only one (the smoke run). Written by the callers, read once their batches are answered.
/// </summary>
internal sealed class Latencies
{
    // Allocated up front and then reused, so that timing the requests allocates nothing on the measured path;
    // a run of fast requests overwrites its oldest (pilot and warm-up) times.
    private const int Capacity = 1 << 20;

    private readonly long[] _ticks = new long[Capacity];
    private long _count;
    private long _firstBatchEnd = -1;

    // Interlocked: the benchmarks that call from code outside the actors time their requests from several threads.
    public void Add(long stopwatchTicks) => _ticks[(Interlocked.Increment(ref _count) - 1) % Capacity] = stopwatchTicks;

    public void EndBatch()
    {
        if (_firstBatchEnd < 0)
            _firstBatchEnd = _count;
    }

    /// <summary>The percentiles of what was measured, or null when nothing was.</summary>
    public Percentiles? Measured()
    {
        var oldestHeld = Math.Max(0, _count - Capacity);
        var from = _firstBatchEnd > 0 && _firstBatchEnd < _count ? Math.Max(oldestHeld, _firstBatchEnd) : oldestHeld;
        if (_count == from)
            return null;
        var sorted = new long[_count - from];
        for (var i = from; i < _count; i++)
            sorted[i - from] = _ticks[i % Capacity];
        Array.Sort(sorted);
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.99), Stopwatch.GetElapsedTime(0, sorted[^1]), sorted.Length);
    }

    // Nearest rank: the smallest time that this share of the requests did not exceed.
    private static TimeSpan At(long[] sorted, double share) =>
        Stopwatch.GetElapsedTime(0, sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)]);
}

/// <param name="Count">How many requests they are taken over.</param>
internal sealed record Percentiles(TimeSpan P50, TimeSpan P99, TimeSpan Max, int Count);
