using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TradingActors.Benchmarks;

/// <summary>
/// The heap that stays in use per breaker (with its exchange actor) once they exist. The memory
/// diagnoser counts what a benchmark allocates, garbage included; what a registry of many breakers
/// keeps is measured by the benchmark's own setup and shown here. It works because every run is in-process.
/// </summary>
public sealed class RetainedPerBreakerColumn : IColumn
{
    public static readonly RetainedPerBreakerColumn Instance = new();

    private static readonly ConcurrentDictionary<string, long> BytesPerBreaker = new();

    public static void Record(Type benchmarks, string benchmark, long bytesPerBreaker) =>
        BytesPerBreaker[Key(benchmarks, benchmark)] = bytesPerBreaker;

    public string Id => nameof(RetainedPerBreakerColumn);
    public string ColumnName => "Retained/breaker";
    public bool AlwaysShow => false;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Heap still in use per breaker with its exchange actor, after a full GC (GC.GetTotalMemory)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => BytesPerBreaker.ContainsKey(Key(c)));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        BytesPerBreaker.TryGetValue(Key(benchmarkCase), out var bytes) ? $"{bytes:N0} B" : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    private static string Key(BenchmarkCase benchmarkCase) =>
        Key(benchmarkCase.Descriptor.Type, benchmarkCase.Descriptor.WorkloadMethod.Name);

    private static string Key(Type benchmarks, string benchmark) => $"{benchmarks.FullName}.{benchmark}";
}
