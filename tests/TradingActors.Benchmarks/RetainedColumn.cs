using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TradingActors.Benchmarks;

/// <summary>
/// The heap that stays in use per item once a benchmark has made them: per breaker (with its exchange
/// actor) that exists, per abandoned call once it is answered. The memory diagnoser counts what a benchmark
/// allocates, garbage included; what stays is measured by the benchmark's own setup and shown here. It
/// works because every run is in-process.
/// </summary>
public sealed class RetainedColumn : IColumn
{
    public static readonly RetainedColumn Instance = new();

    private static readonly ConcurrentDictionary<string, long> BytesPerItem = new();

    public static void Record(Type benchmarks, string benchmark, long bytesPerItem) =>
        BytesPerItem[Key(benchmarks, benchmark)] = bytesPerItem;

    public string Id => nameof(RetainedColumn);
    public string ColumnName => "Retained/item";
    public bool AlwaysShow => false;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Heap still in use per item (a breaker with its exchange actor, an abandoned call), after a full GC (GC.GetTotalMemory)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => BytesPerItem.ContainsKey(Key(c)));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        BytesPerItem.TryGetValue(Key(benchmarkCase), out var bytes) ? $"{bytes:N0} B" : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    private static string Key(BenchmarkCase benchmarkCase) =>
        Key(benchmarkCase.Descriptor.Type, benchmarkCase.Descriptor.WorkloadMethod.Name);

    private static string Key(Type benchmarks, string benchmark) => $"{benchmarks.FullName}.{benchmark}";
}
