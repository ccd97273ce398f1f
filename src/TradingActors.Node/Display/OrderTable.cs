using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.Orders;

namespace TradingActors.Node.Display;

/// <summary>The dashboard's third table, and the summary's second: the order ledger's orders, one row per exchange.</summary>
internal static class OrderTable
{
    public static IRenderable Render(NodeSnapshot snapshot, TableBorder border)
    {
        var table = new Table().Border(border).Title("[bold]order ledger[/]").AddColumn("exchange")
            .AddColumns(new[] { "in flight", "open", "unknown", "reconciled", "needs attention", "external" }
                .Select(n => new TableColumn(n).RightAligned()).ToArray());
        foreach (var o in snapshot.Orders)
            table.AddRow(Markup.Escape(o.Exchange), $"{o.InFlight}", $"{o.Open}",
                o.Unknown > 0 ? $"[yellow]{o.Unknown}[/]" : "0", $"{o.Reconciled}",
                o.NeedsAttention > 0 ? $"[red]{o.NeedsAttention}[/]" : "0", $"{o.External}");
        return table;
    }

    public static string Line(OrderLedger.ExchangeOrders o) =>
        $"orders {o.Exchange,-8} in flight {o.InFlight}, open {o.Open}, unknown {o.Unknown}, reconciled {o.Reconciled}, " +
        $"needs attention {o.NeedsAttention}, external {o.External}";
}
