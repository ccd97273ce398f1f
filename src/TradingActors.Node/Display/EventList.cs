using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.Configuration;
using TradingActors.Node.Events;

namespace TradingActors.Node.Display;

/// <summary>The dashboard's latest transitions, alerts and order news, the latest first.</summary>
internal static class EventList
{
    // One line each, so that the list keeps its height; /status and the log have the whole reason.
    private const int MaxText = 110;

    public static IRenderable Render(NodeSnapshot snapshot)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders().Title("[bold]latest transitions, alerts and orders[/]")
            .AddColumn("at").AddColumn("exchange").AddColumn("what");
        foreach (var entry in snapshot.Events)
        {
            var colour = entry.Colour;
            var text = Markup.Escape(entry.Text.Length > MaxText ? entry.Text[..(MaxText - 3)] + "..." : entry.Text);
            table.AddRow(
                Durations.TimeOfDay(entry.At),
                Markup.Escape(entry.Exchange),
                entry.Kind == NodeEvents.Kind.Alert ? $"[bold {colour}]{text}[/]" : $"[{colour}]{text}[/]");
        }
        return table;
    }
}
