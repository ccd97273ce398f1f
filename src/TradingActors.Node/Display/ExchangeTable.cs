using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.Breaker;

namespace TradingActors.Node.Display;

/// <summary>The dashboard's table: one row per exchange's breaker.</summary>
internal static class ExchangeTable
{
    public static IRenderable Render(NodeSnapshot snapshot)
    {
        var simulated = snapshot.Faults.Count > 0;
        var clustered = snapshot.Exchanges.Any(status => status.Node is not null);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]exchanges[/]").AddColumns("exchange", "protocol");
        if (clustered)
            table.AddColumn("on node");
        table.AddColumns("state", "window", "half-opens in")
            .AddColumns(new[] { "calls", "ok", "failed", "rejected", "success", "p50", "p99", "fallbacks" }.Select(n => new TableColumn(n).RightAligned()).ToArray())
            .AddColumn("last transition");
        if (simulated)
            table.AddColumn("simulated fault");
        foreach (var status in snapshot.Exchanges)
        {
            var m = status.Metrics;
            var cells = new List<string> { Markup.Escape(status.Exchange), Markup.Escape(snapshot.Protocols.GetValueOrDefault(status.Exchange, "")) };
            if (clustered)
                cells.Add(Markup.Escape(Figures.HostedOn(status)));
            cells.AddRange(
            [
                $"[{StateColour.Of(status.State)}]{status.State}[/]",
                Markup.Escape(Figures.Window(status)),
                Figures.HalfOpensIn(status, snapshot.At),
                $"{m.Total}", $"{m.Successful}", $"{m.Failed}", $"{Figures.Rejected(status)}",
                Figures.SuccessRate(status), Figures.Time(m.P50), Figures.Time(m.P99),
                $"{snapshot.FallbacksServed.GetValueOrDefault(status.Exchange)}",
                Markup.Escape(Figures.LastTransition(status, snapshot.At)),
            ]);
            if (simulated)
                cells.Add($"[red]{Markup.Escape(snapshot.Faults.GetValueOrDefault(status.Exchange, ""))}[/]");
            table.AddRow(cells.ToArray());
        }
        return table;
    }
}
