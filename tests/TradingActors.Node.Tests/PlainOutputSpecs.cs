using System.Text.RegularExpressions;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests;

/// <summary>
/// What an operator reads when the node's output goes to a pipe or CI: one short run in its own process, in
/// which binance goes down three seconds in, with a resting order to pull, and stays down.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed partial class PlainOutputSpecs(PlainOutputSpecs.Run run) : IClassFixture<PlainOutputSpecs.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        private static readonly string BinanceFails = """
            trading {
              breaker-defaults { failure-threshold = 2, open-timeout = 300ms, max-open-timeout = 600ms, call-timeout = 1s, health-check = on }
              exchanges { binance = { cancels-when-open = on }, bybit = { endpoint { url = "http://127.0.0.1:1/", api-key = sim-api-key, api-secret = sim-api-secret, protocol = bybit } }, kraken = {} }
              routing.fallbacks { binance = [bybit] }
              alerts.interval = 1s
            }
            exchange-sim {
              tick-interval = 100ms
              exchanges { binance = {}, bybit = { dialect = bybit }, kraken = {} }
              schedule = [ { exchange = binance, at = 3s, duration = 1m, fault { outage = on } } ]
            }
            """ + TestConfigs.Node("1m", orderEvery: 10); // a resting order moves every 500 ms: seldom between two when binance goes

        public string Output { get; private set; } = "";

        public string[] Lines => Output.Split('\n', StringSplitOptions.TrimEntries);

        public async ValueTask InitializeAsync()
        {
            var (exitCode, output, error) = await NodeProcess.RunAsync("--duration", "7s", "--config", TestConfigs.WriteToFile(BinanceFails));
            Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}\n{error}");
            Output = output;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public void The_intro_comes_before_any_line_the_engine_logs()
    {
        Assert.StartsWith("TradingActors demo node, configured by ", run.Output);
    }

    [Fact]
    public void The_addresses_it_prints_have_no_trailing_slash_so_a_path_can_be_pasted_after_them()
    {
        Printed(@"HTTP on http://127\.0\.0\.1:\d+: GET");
        Printed(@"Simulated exchanges: binance http://127\.0\.0\.1:\d+, bybit http://127\.0\.0\.1:\d+, kraken http://127\.0\.0\.1:\d+\n");
    }

    [Fact]
    public void Waits_are_written_in_the_configuration_units_never_as_raw_time_spans()
    {
        Printed(@"in \d+(\.\d+)?m?s \(");
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d\.\d{4,}", run.Output);
        Assert.DoesNotContain("in 00:", run.Output);
    }

    [Fact]
    public void An_alert_gives_open_until_as_a_time_of_day_like_every_other_time()
    {
        Printed(@"ALERT binance breaker Open until \d\d:\d\d:\d\d\.\d{3}: ");
        Assert.DoesNotContain("+00:00", run.Output);
    }

    [Fact]
    public void Alerts_held_back_are_mentioned_only_when_there_are_some_and_in_the_right_number()
    {
        Assert.DoesNotContain("(0 alerts held back)", run.Output);
        Assert.DoesNotContain("(1 alerts held back)", run.Output);
        Printed(@"\((1 alert|[2-9]\d* alerts) held back\)");
    }

    [Fact]
    public void Each_status_line_counts_requests_as_calls_plus_rejected_and_calls_as_ok_plus_failed()
    {
        var lines = run.Lines.Select(line => StatusFigures().Match(line)).Where(match => match.Success).ToList();

        Assert.NotEmpty(lines);
        foreach (var figures in lines)
        {
            long Figure(string name) => long.Parse(figures.Groups[name].Value);
            Assert.Equal(Figure("requests"), Figure("calls") + Figure("rejected"));
            Assert.Equal(Figure("calls"), Figure("ok") + Figure("failed"));
        }
    }

    [Fact]
    public void The_summary_counts_requests_as_calls_plus_rejected_and_says_so()
    {
        var rows = run.Lines.Where(line => line.StartsWith("| ")).Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray()).ToList();
        var header = rows.First(cells => cells.Contains("requests"));
        long Figure(string[] row, string column) => long.Parse(row[Array.IndexOf(header, column)]);

        foreach (var row in rows.Where(cells => cells[1] is "binance" or "bybit" or "kraken").Take(3))
            Assert.Equal(Figure(row, "requests"), Figure(row, "calls") + Figure(row, "rejected"));
        Assert.Contains("requests = calls + rejected; calls = ok + failed", run.Output);
    }

    [Fact]
    public void The_summary_names_the_protocol_each_exchange_speaks()
    {
        var rows = run.Lines.Where(line => line.StartsWith("| ")).Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray()).ToList();
        var header = rows.First(cells => cells.Contains("requests"));

        Assert.Equal([("binance", "binance"), ("bybit", "bybit"), ("kraken", "binance")],
            rows.Where(cells => cells[1] is "binance" or "bybit" or "kraken").Take(3).Select(row => (row[1], row[Array.IndexOf(header, "protocol")])));
    }

    [Fact]
    public void An_open_breaker_s_status_line_says_when_it_half_opens()
    {
        Printed(@"binance +Open +half-opens in \d+ ms \(opening \d+\)");
        Assert.DoesNotContain("Open     for ", run.Output);
    }

    [Fact]
    public void A_cancel_let_through_the_open_breaker_shows_in_the_log()
    {
        Printed(@"Breaker binance: Open, but the cancel of demo-\w+-\d+ goes through");
    }

    private void Printed(string pattern) =>
        Assert.True(Regex.IsMatch(run.Output, pattern), $"Not printed: {pattern}\n{run.Output}");

    [GeneratedRegex(@"requests (?<requests>\d+) = calls (?<calls>\d+) \(ok (?<ok>\d+), failed (?<failed>\d+)\) \+ rejected (?<rejected>\d+)")]
    private static partial Regex StatusFigures();
}
