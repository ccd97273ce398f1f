using System.Diagnostics;

namespace TradingActors.Benchmarks;

/// <summary>
/// The send-to-reply time of every request a <see cref="Actors.TimedCaller"/> sent during one benchmark's
/// run, and their percentiles over every batch but the first (BenchmarkDotNet's jitting invocation), or over
/// the only one (the smoke run). Written by the caller actor, read once its batches are answered.
/// </summary>
internal sealed class Latencies
{
    // Room for a run's requests up front, so that timing them allocates nothing on the measured path.
    private long[] _ticks = new long[1 << 20];
    private int _count;
    private int _firstBatchEnd = -1;

    public void Add(long stopwatchTicks)
    {
        if (_count == _ticks.Length)
            Array.Resize(ref _ticks, _count * 2);
        _ticks[_count++] = stopwatchTicks;
    }

    public void EndBatch()
    {
        if (_firstBatchEnd < 0)
            _firstBatchEnd = _count;
    }

    /// <summary>The percentiles of what was measured, or null when nothing was.</summary>
    public Percentiles? Measured()
    {
        var from = _count > _firstBatchEnd && _firstBatchEnd > 0 ? _firstBatchEnd : 0;
        if (_count == from)
            return null;
        var sorted = _ticks[from.._count];
        Array.Sort(sorted);
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.99), Stopwatch.GetElapsedTime(0, sorted[^1]), sorted.Length);
    }

    // Nearest rank: the smallest time that this share of the requests did not exceed.
    private static TimeSpan At(long[] sorted, double share) =>
        Stopwatch.GetElapsedTime(0, sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)]);
}

/// <param name="Count">How many requests they are taken over.</param>
internal sealed record Percentiles(TimeSpan P50, TimeSpan P99, TimeSpan Max, int Count);
