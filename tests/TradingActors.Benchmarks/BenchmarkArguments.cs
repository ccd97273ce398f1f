namespace TradingActors.Benchmarks;

/// <summary>
/// Turns this project's command line into BenchmarkDotNet's: everything is passed on, with two additions.
/// <list type="bullet">
/// <item><c>--smoke</c> runs every benchmark once (BenchmarkDotNet's dry job), for CI to prove they still run.</item>
/// <item>Every run is in-process: each comparison is then measured on one JIT, heap and thread pool, where
/// out-of-process launches make actor figures jump by up to 2x on a 2-core machine, and no benchmark
/// project is generated and built at run time.</item>
/// </list>
/// </summary>
internal static class BenchmarkArguments
{
    private const string Smoke = "--smoke";

    public static string[] ForBenchmarkDotNet(string[] args)
    {
        var forwarded = args.Where(arg => arg != Smoke).ToList();
        if (args.Contains(Smoke))
        {
            forwarded.AddRange(["--job", "dry"]);
            if (!forwarded.Any(arg => arg is "--filter" or "-f"))
                forwarded.AddRange(["--filter", "*"]);
        }
        if (!forwarded.Any(arg => arg is "--inProcess" or "-i"))
            forwarded.Add("--inProcess");
        return forwarded.ToArray();
    }
}
