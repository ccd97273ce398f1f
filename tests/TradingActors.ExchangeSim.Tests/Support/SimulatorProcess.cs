using System.Diagnostics;

namespace TradingActors.ExchangeSim.Tests.Support;

/// <summary>The simulator as a user runs it, in its own process, for what only shows there: what it prints, and how it exits.</summary>
internal sealed class SimulatorProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private SimulatorProcess(Process process) => _process = process;

    public static SimulatorProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TradingActors.ExchangeSim.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return new SimulatorProcess(Process.Start(start)!);
    }

    /// <summary>Runs the simulator to its end: its exit code, and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var simulator = Start(args);
        var output = simulator._process.StandardOutput.ReadToEndAsync();
        var error = simulator._process.StandardError.ReadToEndAsync();
        await simulator._process.WaitForExitAsync().WaitAsync(Patience);
        return (simulator._process.ExitCode, await output, await error);
    }

    /// <summary>The lines printed on standard output up to the one that <paramref name="last"/> matches.</summary>
    public async Task<IReadOnlyList<string>> LinesUntilAsync(Func<string, bool> last)
    {
        var lines = new List<string>();
        while (lines.Count == 0 || !last(lines[^1]))
        {
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
            lines.Add(line ?? throw new InvalidOperationException(
                $"The simulator ended after printing:\n{string.Join('\n', lines)}\n{await _process.StandardError.ReadToEndAsync()}"));
        }
        return lines;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
