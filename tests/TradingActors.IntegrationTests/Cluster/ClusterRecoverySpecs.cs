using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.IntegrationTests.Cluster;

/// <summary>
/// Cluster mode (issue 14): a breaker whose open time ends while it moves from a dead node half-opens on its new node and
/// recovers there. Its open time is short, so the hand-over (the dead node downed, then the resolver's margin) outlasts it.
/// </summary>
public sealed class ClusterRecoverySpecs : IAsyncLifetime
{
    private const string Hocon = """
        akka.loglevel = WARNING
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.cluster.split-brain-resolver.stable-after = 1s
        trading {
          cluster { enabled = on, hand-over-patience = 3s, state-timeout = 2s }
          orders { journal = "akka.persistence.journal.inmem", snapshot-store = "akka.persistence.snapshot-store.inmem" }
          exchanges.binance { failure-threshold = 2, success-threshold = 1, open-timeout = 300ms, call-timeout = 1s }
        }
        """;

    private readonly ThreeNodes _cluster = new();
    private SimulatedExchangeClient _binance = null!;
    private volatile bool _failing;

    public async ValueTask InitializeAsync()
    {
        _binance = new SimulatedExchangeClient(_cluster.ExchangeClock)
            .WithPrice("BTCUSDT", 42_000)
            .WithFault(new CallFilter((_, _) => _failing), new SimulatedFault.Fail(FailureKind.ServerError));
        await _cluster.StartAsync(Hocon, _binance);
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_breaker_whose_open_time_ends_while_it_moves_half_opens_on_its_new_node_and_recovers()
    {
        var a = _cluster.Nodes[0];
        _failing = true;
        await a.AskAsync<ExchangeFailed>(new GetPrice("binance", "BTCUSDT"));
        await a.AskAsync<ExchangeFailed>(new GetPrice("binance", "BTCUSDT"));
        var opened = await a.BinanceAsync();
        Assert.Equal(BreakerState.Open, opened.State);
        var host = _cluster.Nodes.Single(node => node.Address.ToString() == opened.Node);
        var survivor = _cluster.Nodes.First(node => node != host);

        await host.KillAsync(survivor);
        _failing = false;
        var resumed = await survivor.BinanceTakenOverFromAsync(host);

        Assert.Equal((BreakerState.HalfOpen, 1), (resumed.State, resumed.Openings));
        Assert.IsType<PriceQuoted>(await survivor.AskAsync<ExchangeReply>(new GetPrice("binance", "BTCUSDT")));
        Assert.Equal(BreakerState.Closed, (await survivor.BinanceAsync()).State);
    }
}
