using System.Text.RegularExpressions;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests;

/// <summary>
/// The node in its own process, killed with SIGKILL while its orders are on their way, then started again on
/// the same ledger file against the same exchanges (a simulator that outlives the node, as exchanges do).
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed partial class NodeRestartSpecs : IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;

    public async ValueTask InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance"), new ExchangeOptions("bybit")],
        });

    public async ValueTask DisposeAsync() => await _simulator.DisposeAsync();

    private string Config() => TestConfigs.WriteToFile($$"""
        trading {
          breaker-defaults { call-timeout = 3s, max-concurrent-calls = 50 }
          exchanges {
            binance.endpoint { url = "{{_simulator.Exchanges["binance"].BaseAddress}}", api-key = "sim-api-key", api-secret = "sim-api-secret" }
            bybit.endpoint { url = "{{_simulator.Exchanges["bybit"].BaseAddress}}", api-key = "sim-api-key", api-secret = "sim-api-secret" }
          }
          orders { grace = 2s, min-backoff = 100ms, max-backoff = 500ms }
        }
        """ + TestConfigs.Node("0"));

    [Fact]
    public async Task A_node_killed_mid_run_reconciles_every_order_it_had_sent_when_started_again_on_its_ledger()
    {
        var config = Config();
        // Every request takes 0.3 to 0.6 s at binance: whenever the node dies, some of its orders are on their way.
        await _simulator.Exchanges["binance"].Faults.SetAsync(new FaultSettings { Latency = TimeSpan.FromMilliseconds(300), Jitter = TimeSpan.FromMilliseconds(300) });
        using (var killed = NodeProcess.Start("--no-sim", "--duration", "0", "--config", config))
        {
            // Trading, not still starting: orders on their way, and some already resting.
            await killed.SeenAsync(Trading());
            killed.Kill();
            await killed.ExitAsync();
        }
        await _simulator.Exchanges["binance"].Faults.ClearAsync();

        using var restarted = NodeProcess.Start("--no-sim", "--duration", "0", "--config", config);
        await restarted.SeenAsync("orders from before the start with");
        var pending = FromBeforeTheStart().Match(restarted.Output);
        foreach (var exchange in pending.Groups["exchanges"].Value.Split(", "))
            await restarted.SeenAsync($"{exchange}'s orders from before the start are reconciled");
        await restarted.SeenAsync("orders bybit");
        restarted.Interrupt();

        Assert.Equal(0, await restarted.ExitAsync());
        Assert.True(int.Parse(pending.Groups["count"].Value) > 0, restarted.Output);
        Assert.Contains("binance", pending.Groups["exchanges"].Value);
        Assert.DoesNotContain("needs attention:", restarted.Output);
        Assert.DoesNotContain("which the ledger never sent", restarted.Output);
        Assert.DoesNotMatch(@"orders \w+ +in flight \d+, open \d+, unknown [1-9]", StatusLinesAfter(restarted.Output, "orders from before the start are reconciled"));
    }

    [GeneratedRegex(@"orders binance +in flight [1-9]\d*, open [1-9]")]
    private static partial Regex Trading();

    [GeneratedRegex(@"reconciling (?<count>\d+) orders from before the start with (?<exchanges>[\w, ]+)")]
    private static partial Regex FromBeforeTheStart();

    private static string StatusLinesAfter(string output, string text) => output[output.LastIndexOf(text, StringComparison.Ordinal)..];
}
