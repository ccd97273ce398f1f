using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TradingActors.Node.Tests.Support;

/// <summary>The node as a user runs it: its own process, its output redirected (so in plain mode).</summary>
internal sealed class NodeProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

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

    public Task SeenAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text))
                return Task.CompletedTask;
            _awaited.Add((text, seen));
        }
        return seen.Task.WaitAsync(Patience);
    }

    /// <summary>Ctrl+C, as the terminal sends it.</summary>
    public void Interrupt()
    {
        const int sigint = 2;
        if (kill(_process.Id, sigint) != 0)
            throw new InvalidOperationException($"kill -INT {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
    }

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
            foreach (var awaited in _awaited.Where(a => line.Contains(a.Text)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaited.Remove(awaited);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
