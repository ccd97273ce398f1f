using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.Node.Events;

namespace TradingActors.Node.Display;

/// <summary>The dashboard's latest transitions and alerts, the latest first.</summary>
internal static class EventList
{
    // One line each, so that the list keeps its height; /status and the log have the whole reason.
    private const int MaxText = 110;

    public static IRenderable Render(NodeSnapshot snapshot)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders().Title("[bold]latest transitions and alerts[/]")
            .AddColumn("at").AddColumn("exchange").AddColumn("what");
        foreach (var entry in snapshot.Events)
        {
            var colour = entry.Colour;
            var text = Markup.Escape(entry.Text.Length > MaxText ? entry.Text[..(MaxText - 3)] + "..." : entry.Text);
            table.AddRow(
                $"{entry.At.ToLocalTime():HH:mm:ss.f}",
                Markup.Escape(entry.Exchange),
                entry.Kind == NodeEvents.Kind.Alert ? $"[bold {colour}]{text}[/]" : $"[{colour}]{text}[/]");
        }
        return table;
    }
}
