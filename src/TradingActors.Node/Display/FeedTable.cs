using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.MarketData;

namespace TradingActors.Node.Display;

/// <summary>The dashboard's second table: one row per market data feed.</summary>
internal static class FeedTable
{
    public static IRenderable Render(NodeSnapshot snapshot)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]market data feeds[/]")
            .AddColumns("feed", "state", "endpoint", "since")
            .AddColumns(new[] { "ticks", "gaps", "missed", "reconnects", "failovers", "returns" }.Select(n => new TableColumn(n).RightAligned()).ToArray())
            .AddColumns("last prices", "why");
        foreach (var feed in snapshot.Feeds)
        {
            var c = feed.Counts;
            table.AddRow(
                Markup.Escape(feed.Exchange),
                $"[{StateColour.Of(feed.State)}]{feed.State}[/]",
                Markup.Escape(Figures.Endpoint(feed)),
                Figures.Seconds(snapshot.At - feed.Since),
                $"{c.Ticks}", $"{c.Gaps}", $"{c.MissedTicks}", $"{c.Reconnects}", $"{c.Failovers}", $"{c.PrimaryReturns}",
                Markup.Escape(Figures.LastPrices(feed)),
                Markup.Escape(Figures.Short(feed.Reason)));
        }
        return table;
    }
}
