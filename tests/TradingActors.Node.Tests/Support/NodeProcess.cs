using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingActors.Node.Tests.Support;

/// <summary>The node as a user runs it: its own process, its output redirected (so in plain mode).</summary>
internal sealed class NodeProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _awaited = [];

    private NodeProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }

    public static NodeProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TradingActors.Node.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var node = new NodeProcess(new Process { StartInfo = start });
        node._process.OutputDataReceived += (_, line) => node.Received(node._output, line.Data);
        node._process.ErrorDataReceived += (_, line) => node.Received(node._error, line.Data);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Runs the node to its end: its exit code, and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var node = Start(args);
        var exitCode = await node.ExitAsync();
        return (exitCode, node.Output, node.Error);
    }

    public Task SeenAsync(string text) => SeenAsync(text, line => line.Contains(text));

    /// <summary>Waits for a line of output that matches <paramref name="pattern"/>.</summary>
    public Task SeenAsync(Regex pattern) => SeenAsync(pattern.ToString(), pattern.IsMatch);

    private async Task SeenAsync(string text, Func<string, bool> matches)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Split('\n').Any(matches))
                return;
            _awaited.Add((matches, seen));
        }
        try
        {
            await seen.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"\"{text}\" not printed within {Patience.TotalSeconds:0} s. Output:\n{Output}\nErrors:\n{Error}");
        }
    }

    /// <summary>Ctrl+C, as the terminal sends it.</summary>
    public void Interrupt()
    {
        const int sigint = 2;
        if (kill(_process.Id, sigint) != 0)
            throw new InvalidOperationException($"kill -INT {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>kill -9: no shutdown hook, no flush, nothing the node can do about it.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> ExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Patience);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Received(StringBuilder into, string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            into.AppendLine(line);
            foreach (var awaited in _awaited.Where(a => a.Matches(line)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
