using System.Text.Json;
using System.Text.RegularExpressions;
using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests;

/// <summary>
/// The README's two-node cluster, each node in its own process, on loopback with free ports: the second node joins the first,
/// takes some of the exchanges' breakers, and when it stops they move back to the first, which trades on.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed partial class ClusterDemoSpecs : IAsyncLifetime
{
    private ExchangeSimulator _simulator = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask InitializeAsync() =>
        _simulator = await ExchangeSimulator.StartAsync(new SimulatorOptions
        {
            Exchanges = [new ExchangeOptions("binance"), new ExchangeOptions("bybit"), new ExchangeOptions("kraken")],
        });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    // The first node on a free port, not the demo's 4053: the second is told where it is.
    private string Config() => TestConfigs.WriteToFile($$"""
        trading {
          cluster.port = 0
          breaker-defaults { call-timeout = 3s, max-concurrent-calls = 50 }
          exchanges {
            {{string.Join("\n", _simulator.Exchanges.Values.Select(exchange =>
                $"{exchange.Name}.endpoint {{ url = \"{exchange.BaseAddress}\", api-key = \"sim-api-key\", api-secret = \"sim-api-secret\" }}"))}}
          }
        }
        """ + TestConfigs.Node("0"));

    [Fact]
    public async Task A_second_node_takes_over_some_exchanges_and_hands_them_back_when_it_stops()
    {
        var config = Config();
        using var first = NodeProcess.Start("--cluster", "--no-sim", "--config", config);
        await first.SeenAsync(ClusterNode());
        var firstAddress = ClusterNode().Match(first.Output).Groups["address"].Value;
        var status = new Uri(new Uri(HttpAddress().Match(first.Output).Groups["url"].Value), "/status");

        using (var second = NodeProcess.Start("--join", firstAddress, "--config", config))
        {
            await second.SeenAsync(ClusterNode());
            var secondAddress = ClusterNode().Match(second.Output).Groups["address"].Value;
            await UntilAsync(async () => (await HostsAsync(status)).Contains(secondAddress), "the second node hosts an exchange's breaker");
            second.Interrupt();
            Assert.Equal(0, await second.ExitAsync());
        }

        await UntilAsync(async () => (await HostsAsync(status)).All(host => host == firstAddress), "every breaker is back on the first node");
        await first.SeenAsync("orders kraken");
        first.Interrupt();
        Assert.Equal(0, await first.ExitAsync());
    }

    /// <summary>The node hosting each exchange's breaker, as the first node's /status tells it.</summary>
    private async Task<IReadOnlyList<string>> HostsAsync(Uri status)
    {
        using var answer = JsonDocument.Parse(await _http.GetStringAsync(status));
        return answer.RootElement.GetProperty("exchanges").EnumerateArray().Select(exchange => exchange.GetProperty("node").GetString() ?? "").ToList();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not within 60 s: {what}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"Cluster node (?<address>akka\.tcp://\S+):")]
    private static partial Regex ClusterNode();

    [GeneratedRegex(@"HTTP on (?<url>http://\S+):")]
    private static partial Regex HttpAddress();
}
