using Serilog;
using Serilog.Sinks.SystemConsole.Themes;
using Spectre.Console;

namespace TradingActors.Node.Display;

/// <summary>Where the node writes: a live terminal, or plain text for a pipe or CI.</summary>
internal static class NodeConsole
{
    public static bool IsTerminal => !Console.IsOutputRedirected;

    /// <summary>The console for the intro, the dashboard and the summary.</summary>
    public static IAnsiConsole Create(bool terminal)
    {
        if (terminal)
            return AnsiConsole.Console;
        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        plain.Profile.Width = 160;
        return plain;
    }

    /// <summary>Box drawing on a terminal; plain ASCII where the text may end up anywhere.</summary>
    public static TableBorder Border(bool terminal) => terminal ? TableBorder.Rounded : TableBorder.Ascii;

    /// <summary>
    /// The engine's log (transitions, alerts, health checks). On a terminal it stays quiet: lines written
    /// under a dashboard redrawn in place would tear it, and the dashboard shows transitions and alerts itself.
    /// </summary>
    public static Serilog.Core.Logger Log(bool terminal) =>
        terminal
            ? new LoggerConfiguration().CreateLogger()
            : new LoggerConfiguration()
                .WriteTo.Console(theme: ConsoleTheme.None, outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}")
                .CreateLogger();
}
