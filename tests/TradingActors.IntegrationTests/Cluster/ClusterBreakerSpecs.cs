using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.IntegrationTests.Cluster;

/// <summary>
/// Cluster mode (issue 14), three nodes in one process over loopback: one breaker for binance in the whole cluster, whichever
/// node a request comes from, and its state outlives the node that hosts it.
/// </summary>
public sealed class ClusterBreakerSpecs : IAsyncLifetime
{
    private const string Hocon = """
        akka.loglevel = WARNING
        # A killed node must not leave the cluster on its way down: only an operator's (or the resolver's) Down removes it.
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        # A downed node's breakers start elsewhere after this margin (the resolver's stable-after, 20 s by default).
        akka.cluster.split-brain-resolver.stable-after = 1s
        trading {
          cluster { enabled = on, hand-over-patience = 3s, state-timeout = 2s }
          orders { journal = "akka.persistence.journal.inmem", snapshot-store = "akka.persistence.snapshot-store.inmem" }
          exchanges.binance { failure-threshold = 2, open-timeout = 1m, call-timeout = 1s }
        }
        """;

    private readonly ThreeNodes _cluster = new();
    private SimulatedExchangeClient _binance = null!;
    private volatile bool _failing;
    private volatile bool _banning;

    public async ValueTask InitializeAsync()
    {
        _binance = new SimulatedExchangeClient(_cluster.ExchangeClock)
            .WithPrice("BTCUSDT", 42_000)
            .WithFault(new CallFilter((_, _) => _banning), new SimulatedFault.Fail(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromMinutes(10)))
            .WithFault(new CallFilter((_, _) => _failing), new SimulatedFault.Fail(FailureKind.ServerError));
        await _cluster.StartAsync(Hocon, _binance);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
    }

    private ClusterNode A => _cluster.Nodes[0];
    private ClusterNode B => _cluster.Nodes[1];
    private ClusterNode C => _cluster.Nodes[2];

    private static GetPrice Price() => new("binance", "BTCUSDT");

    [Fact]
    public async Task Failures_seen_from_one_node_open_the_breaker_for_every_node()
    {
        _failing = true;
        await A.AskAsync<ExchangeFailed>(Price());
        await A.AskAsync<ExchangeFailed>(Price());

        var fromB = await B.AskAsync<CircuitOpen>(Price());
        var fromC = await C.AskAsync<CircuitOpen>(Price());

        Assert.Equal(2, _binance.Calls);
        Assert.InRange(fromB.RetryAfter!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        Assert.InRange(fromC.RetryAfter!.Value, TimeSpan.FromSeconds(50), fromB.RetryAfter.Value);
    }

    [Fact]
    public async Task A_ban_seen_on_one_node_holds_for_every_node()
    {
        _banning = true;
        var banned = await B.AskAsync<ExchangeFailed>(Price());

        var fromC = await C.AskAsync<CircuitOpen>(Price());

        Assert.Equal(FailureKind.RateLimited, banned.Kind);
        Assert.Equal(1, _binance.Calls);
        Assert.InRange(fromC.RetryAfter!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task When_the_node_hosting_an_open_breaker_leaves_another_node_takes_it_over_open_until_the_same_time()
    {
        var before = await OpenBreakerAsync();
        var host = HostOf(before);
        var others = _cluster.Nodes.Where(node => node != host).ToList();

        var answers = Task.WhenAll(others.Select(node => AskManyAsync(node, 20)));
        await host.LeaveAsync();
        var after = await others[0].BinanceTakenOverFromAsync(host);

        Assert.Equal((BreakerState.Open, before.OpenUntil, before.Openings), (after.State, after.OpenUntil, after.Openings));
        // A request that reached the leaving node as its breaker stopped is answered by its own node's registry, once.
        Assert.All((await answers).SelectMany(replies => replies), reply => Assert.True(reply is CircuitOpen or ExchangeFailed { Kind: FailureKind.Timeout }));
        Assert.Equal(2, _binance.Calls);
    }

    [Fact]
    public async Task When_the_node_hosting_an_open_breaker_dies_another_node_takes_it_over_open_until_the_same_time()
    {
        var before = await OpenBreakerAsync();
        var host = HostOf(before);
        var others = _cluster.Nodes.Where(node => node != host).ToList();

        var answers = Task.WhenAll(others.Select(node => AskManyAsync(node, 20)));
        await host.KillAsync(survivor: others[0]);
        var after = await others[1].BinanceTakenOverFromAsync(host);

        Assert.Equal((BreakerState.Open, before.OpenUntil, before.Openings), (after.State, after.OpenUntil, after.Openings));
        // Requests in flight to the dead node are answered by their own node's registry, once: none is lost.
        Assert.All((await answers).SelectMany(replies => replies), reply => Assert.True(reply is CircuitOpen or ExchangeFailed { Kind: FailureKind.Timeout }));
        Assert.Equal(2, _binance.Calls);
    }

    /// <summary>Opens binance's breaker from node A, and gives its status then.</summary>
    private async Task<CircuitBreaker.Status> OpenBreakerAsync()
    {
        _failing = true;
        await A.AskAsync<ExchangeFailed>(Price());
        await A.AskAsync<ExchangeFailed>(Price());
        var status = await A.BinanceAsync();
        Assert.Equal(BreakerState.Open, status.State);
        return status;
    }

    private ClusterNode HostOf(CircuitBreaker.Status status) => _cluster.Nodes.Single(node => node.Address.ToString() == status.Node);

    /// <summary>Sends price requests one after another from <paramref name="node"/> and gives each one's reply.</summary>
    private static async Task<IReadOnlyList<ExchangeReply>> AskManyAsync(ClusterNode node, int count)
    {
        var replies = new List<ExchangeReply>();
        for (var i = 0; i < count; i++)
            replies.Add(await node.AskAsync<ExchangeReply>(Price()));
        return replies;
    }
}
