using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using TradingActors.Benchmarks;

// Allocations are part of every comparison: the goal is none on the hot path beyond the messages.
var config = DefaultConfig.Instance
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(RetainedColumn.Instance)
    .AddColumn(LatencyColumn.All);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Engine).Assembly).Run(BenchmarkArguments.ForBenchmarkDotNet(args), config);

// CI runs the smoke mode to prove the benchmarks still run, so a benchmark that threw must fail the run.
return summaries.All(summary => !summary.HasCriticalValidationErrors && summary.Reports.All(report => report.Success)) ? 0 : 1;
