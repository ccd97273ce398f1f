using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.Breaker;

namespace TradingActors.Node.Display;

/// <summary>What the run amounted to, printed when the node stops.</summary>
internal static class Summary
{
    public static IRenderable Render(NodeSnapshot last, TimeSpan ran, TableBorder border)
    {
        var table = new Table().Border(border).Title($"summary after {Figures.Seconds(ran)}")
            .AddColumns("exchange", "protocol")
            .AddColumns(new[] { "requests", "calls", "ok", "failed", "rejected", "fallbacks served", "transitions" }
                .Select(n => new TableColumn(n).RightAligned()).ToArray())
            .AddColumn("states seen");
        foreach (var status in last.Exchanges)
        {
            var m = status.Metrics;
            table.AddRow(
                Markup.Escape(status.Exchange), Markup.Escape(last.Protocols.GetValueOrDefault(status.Exchange, "")),
                $"{Figures.Requests(status)}", $"{m.Total}", $"{m.Successful}", $"{m.Failed}", $"{Figures.Rejected(status)}",
                $"{last.FallbacksServed.GetValueOrDefault(status.Exchange)}", $"{m.Transitions.Count}",
                string.Join(" ", StatesSeen(status)));
        }
        return new Rows(table, new Text(Figures.RequestsAddUp), OrderTable.Render(last, border), new Text($"alerts raised: {last.AlertsRaised}"));
    }

    private static IEnumerable<BreakerState> StatesSeen(CircuitBreaker.Status status) =>
        status.Metrics.Transitions.Count == 0
            ? [status.State]
            : status.Metrics.Transitions.Select(t => t.To).Prepend(status.Metrics.Transitions[0].From).Distinct();
}
