namespace TradingActors.Node.Tests.Support;

/// <summary>Node configurations for tests: the simulator's three exchanges, a fast trader, HTTP on a free port.</summary>
internal static class TestConfigs
{
    public const string AdminToken = "test-token";

    /// <summary>
    /// No fault scheduled: every exchange stays healthy unless a test says otherwise. binance's feed names the
    /// port binance is configured on; the in-process simulator takes a free one and the node follows it there.
    /// </summary>
    public static readonly string Quiet = """
        trading.breaker-defaults { call-timeout = 2s }
        trading.feeds.binance { primary = "ws://127.0.0.1:28081/stream", symbols = [BTCUSDT] }
        exchange-sim {
          tick-interval = 100ms
          exchanges {
            binance { port = 28081 }
            bybit {}
            kraken {}
          }
        }
        """ + Node("3s", adminToken: AdminToken);

    /// <summary>
    /// The demo's story in short: binance is down for the whole run (however long the node takes to start),
    /// so its breaker opens, its health checks fail, and its requests fall back to bybit.
    /// </summary>
    public static readonly string BinanceDown = """
        trading {
          breaker-defaults { failure-threshold = 2, open-timeout = 300ms, max-open-timeout = 600ms, call-timeout = 500ms, health-check = on }
          exchanges { binance = {}, bybit = {}, kraken = {} }
          routing.fallbacks { binance = [bybit] }
        }
        exchange-sim {
          tick-interval = 100ms
          schedule = [ { exchange = binance, at = 0s, duration = 1m, fault { outage = on } } ]
        }
        """ + Node("1m");

    /// <summary>The node's section: a fast trader (a price every 50 ms, an order every <paramref name="orderEvery"/> ticks), a status line a second, HTTP on a free port.</summary>
    public static string Node(string duration, int orderEvery = 2, string adminToken = "") => $$"""

        node {
          duration = {{duration}}
          tick = 50ms
          order-every = {{orderEvery}}
          symbol = BTCUSDT
          quantity = 0.001
          refresh = 100ms
          status-interval = 1s
          http { port = 0, admin-token = "{{adminToken}}" }
        }
        """;

    private static readonly string Directory = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-configs")).FullName;

    /// <summary>Writes <paramref name="hocon"/> to a file of its own beside the tests, for --config.</summary>
    public static string WriteToFile(string hocon)
    {
        var path = Path.Combine(Directory, $"{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, WithOwnLedger(hocon));
        return path;
    }

    /// <summary><paramref name="hocon"/> with an order ledger file of its own, so that nodes run side by side never share one.</summary>
    public static string WithOwnLedger(string hocon) =>
        $"{hocon}\ntrading.orders.sqlite-file = \"{Path.Combine(Directory, $"{Guid.NewGuid():N}.db")}\"\n";
}
