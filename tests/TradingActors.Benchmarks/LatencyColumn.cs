using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TradingActors.Benchmarks;

/// <summary>
/// Percentiles of the time from sending a request to its reply, per request, as the benchmark's own caller
/// timed them (<see cref="Latencies"/>); and how much higher they are than the baseline's with the same
/// parameters, which is what a component adds to the baseline's path. BenchmarkDotNet's figures are the mean
/// per operation over whole batches, which with many in flight is the time between replies, not any one
/// request's wait. Works because every run is in-process.
/// </summary>
public sealed class LatencyColumn : IColumn
{
    public static readonly IColumn[] All =
    [
        new LatencyColumn("p50", p => p.P50, added: false),
        new LatencyColumn("p99", p => p.P99, added: false),
        new LatencyColumn("max", p => p.Max, added: false),
        new LatencyColumn("p50 added", p => p.P50, added: true),
        new LatencyColumn("p99 added", p => p.P99, added: true),
    ];

    private static readonly ConcurrentDictionary<string, Percentiles> Measured = new();

    private readonly Func<Percentiles, TimeSpan> _percentile;
    private readonly bool _added;

    private LatencyColumn(string name, Func<Percentiles, TimeSpan> percentile, bool added) =>
        (ColumnName, _percentile, _added) = (name, percentile, added);

    /// <param name="parameters">The benchmark's parameters as <c>Name=value</c>, comma-separated in declaration order.</param>
    internal static void Record(Type benchmarks, string benchmark, string parameters, Percentiles percentiles) =>
        Measured[Key(benchmarks, benchmark, parameters)] = percentiles;

    public string Id => $"{nameof(LatencyColumn)}.{ColumnName}";
    public string ColumnName { get; }
    public bool AlwaysShow => false;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;

    public string Legend => _added
        ? $"{ColumnName[..3]} per request minus the baseline's {ColumnName[..3]} at the same parameters: what this path adds"
        : $"{ColumnName} of the time from sending a request to its reply, per request, timed by the caller over every batch but the first";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Measured.ContainsKey(Key(c)));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (!Measured.TryGetValue(Key(benchmarkCase), out var measured))
            return "-";
        if (!_added)
            return Milliseconds(_percentile(measured));
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        return baseline is null || baseline == benchmarkCase || !Measured.TryGetValue(Key(baseline), out var under)
            ? "-"
            : Milliseconds(_percentile(measured) - _percentile(under));
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    private static string Milliseconds(TimeSpan time) => $"{time.TotalMilliseconds:N3} ms";

    private static string Key(BenchmarkCase benchmarkCase) =>
        Key(benchmarkCase.Descriptor.Type, benchmarkCase.Descriptor.WorkloadMethod.Name,
            string.Join(",", benchmarkCase.Parameters.Items.Select(p => $"{p.Name}={p.Value}")));

    private static string Key(Type benchmarks, string benchmark, string parameters) => $"{benchmarks.FullName}.{benchmark}({parameters})";
}
