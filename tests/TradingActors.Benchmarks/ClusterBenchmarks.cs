using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Hosting;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Hosting;

namespace TradingActors.Benchmarks;

/// <summary>
/// What cluster mode costs (issue 14): a price request and its reply, instant exchange, each node a host as
/// <see cref="TradingEngineHosting.WithTradingEngine(AkkaConfigurationBuilder, Config, Func{ActorSystem, string, Props?}?)"/>
/// wires it. Without cluster mode, on one node, the registry owns binance's breaker. In a two-node cluster on loopback the
/// breaker runs on one of them: a request sent on that node pays the sharded registry's relay and the shard region's hop
/// with no network; one sent on the other node crosses remoting to the breaker and back. Figures are per request; Op/s is
/// requests per second, and the latency columns are per request, send to reply, with what each path adds to one node's.
/// </summary>
[OperationsPerSecond]
public class ClusterBenchmarks
{
    private const int Requests = 1024;

    // A cluster of two on one machine forms in about 2 s; longer means it is not forming.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Params(1, 64)]
    public int InFlight { get; set; }

    private readonly List<IHost> _hosts = [];
    private readonly Latencies _withoutCluster = new();
    private readonly Latencies _breakerOnSameNode = new();
    private readonly Latencies _breakerOnOtherNode = new();
    private IActorRef _withoutClusterCaller = ActorRefs.Nobody;
    private IActorRef _breakerOnSameNodeCaller = ActorRefs.Nobody;
    private IActorRef _breakerOnOtherNodeCaller = ActorRefs.Nobody;

    // The baseline's process holds no cluster, so none of the cluster's gossip and heartbeats run beside it.
    [GlobalSetup(Target = nameof(WithoutCluster))]
    public Task StartOneNode() => Starting(async () =>
    {
        var single = await StartNode(cluster: false);
        _withoutClusterCaller = TimedCaller.Start<PriceQuoted>(SystemOf(single), Registry(single), Engine.Price, _withoutCluster);
    });

    [GlobalSetup(Targets = [nameof(BreakerOnSameNode), nameof(BreakerOnOtherNode)])]
    public Task StartCluster() => Starting(async () =>
    {
        var seed = await StartNode(cluster: true);
        var joining = await StartNode(cluster: true, seed: AddressOf(seed));
        await BothUp(SystemOf(seed), SystemOf(joining));
        var (breakerNode, otherNode) = await ByBreaker(seed, joining);
        _breakerOnSameNodeCaller = TimedCaller.Start<PriceQuoted>(SystemOf(breakerNode), Registry(breakerNode), Engine.Price, _breakerOnSameNode);
        _breakerOnOtherNodeCaller = TimedCaller.Start<PriceQuoted>(SystemOf(otherNode), Registry(otherNode), Engine.Price, _breakerOnOtherNode);
    });

    [GlobalCleanup]
    public async Task Stop()
    {
        // A joining node leaves first, so that the seed is never left waiting on a member that is gone.
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
        _hosts.Clear();
        // Each case sets up anew and runs one of the benchmarks below: the one whose caller timed requests.
        Record(nameof(WithoutCluster), _withoutCluster);
        Record(nameof(BreakerOnSameNode), _breakerOnSameNode);
        Record(nameof(BreakerOnOtherNode), _breakerOnOtherNode);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task WithoutCluster() => _withoutClusterCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task BreakerOnSameNode() => _breakerOnSameNodeCaller.Run(Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task BreakerOnOtherNode() => _breakerOnOtherNodeCaller.Run(Requests, InFlight);

    private async Task Starting(Func<Task> start)
    {
        try
        {
            await start();
        }
        catch
        {
            // No node outlives a setup that failed.
            await Stop();
            throw;
        }
    }

    /// <summary>
    /// A node on 127.0.0.1 and a free port, binance behind the instant exchange. Both kinds of node have the same settings but
    /// cluster mode, so that the cluster is all that differs; binance's bulkhead is the default, which 64 in flight never fill.
    /// </summary>
    private async Task<IHost> StartNode(bool cluster, Address? seed = null)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            trading {
              cluster { enabled = {{(cluster ? "on" : "off")}}, seed-nodes = [{{(seed is null ? "" : $"\"{seed}\"")}}] }
              orders { journal = "akka.persistence.journal.inmem", snapshot-store = "akka.persistence.snapshot-store.inmem" }
            }
            """);
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("trading", akka => akka.WithTradingEngine(config,
                (_, exchange) => exchange == Engine.Exchange ? ExchangeConnector.Props(InstantExchange.Instance) : null)))
            .Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    private static ActorSystem SystemOf(IHost node) => node.Services.GetRequiredService<ActorSystem>();

    private static Address AddressOf(IHost node) => Akka.Cluster.Cluster.Get(SystemOf(node)).SelfAddress;

    private static IActorRef Registry(IHost node) =>
        node.Services.GetRequiredService<ActorRegistry>().Get<TradingEngineHosting.Keys.Exchanges>();

    /// <summary>Until each node sees both members Up: before then, the breaker's shard could not be placed on either.</summary>
    private static async Task BothUp(params ActorSystem[] nodes)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!nodes.All(node => Akka.Cluster.Cluster.Get(node).State.Members.Count(member => member.Status == MemberStatus.Up) == nodes.Length))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the {nodes.Length} nodes were not up within {Patience.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The node that hosts binance's breaker, and the other one. Asking each node for the breaker's status also places the breaker
    /// (on the first ask) and has each node's region learn where it is, so that no measured request waits on the coordinator.
    /// </summary>
    private static async Task<(IHost Breaker, IHost Other)> ByBreaker(IHost first, IHost second)
    {
        var seenFromFirst = await Registry(first).Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus(Engine.Exchange), Patience);
        var seenFromSecond = await Registry(second).Ask<CircuitBreaker.Status>(new CircuitBreaker.GetStatus(Engine.Exchange), Patience);
        if (seenFromFirst.Node != seenFromSecond.Node)
            throw new InvalidOperationException($"two breakers for {Engine.Exchange}: on {seenFromFirst.Node} and on {seenFromSecond.Node}");
        if (seenFromFirst.Node == AddressOf(first).ToString())
            return (first, second);
        if (seenFromFirst.Node == AddressOf(second).ToString())
            return (second, first);
        throw new InvalidOperationException($"the {Engine.Exchange} breaker is on {seenFromFirst.Node}, neither node");
    }

    private void Record(string benchmark, Latencies latencies)
    {
        if (latencies.Measured() is { } percentiles)
            LatencyColumn.Record(typeof(ClusterBenchmarks), benchmark, $"{nameof(InFlight)}={InFlight}", percentiles);
    }
}
