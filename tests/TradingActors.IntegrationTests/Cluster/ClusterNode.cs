using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Hosting;

namespace TradingActors.IntegrationTests.Cluster;

/// <summary>
/// One node of a cluster in this process: a generic host with the engine in cluster mode on 127.0.0.1 and a free port, reaching
/// binance through <paramref name="binance"/>, one exchange shared by every node as a real one would be.
/// </summary>
internal sealed class ClusterNode(IHost host, string name) : IAsyncDisposable
{
    public string Name { get; } = name;
    public ActorSystem System { get; } = host.Services.GetRequiredService<ActorSystem>();
    public IActorRef Exchanges => host.Services.GetRequiredService<ActorRegistry>().Get<TradingEngineHosting.Keys.Exchanges>();
    public IActorRef Orders => host.Services.GetRequiredService<ActorRegistry>().Get<TradingEngineHosting.Keys.Orders>();
    public Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;
    private bool _stopped;

    public static async Task<ClusterNode> StartAsync(string name, string hocon, IExchangeClient binance, ClusterNode? seed)
    {
        var seeds = seed is null ? "" : $"trading.cluster.seed-nodes = [\"{seed.Address}\"]";
        var config = ConfigurationFactory.ParseString($"{hocon}\n{seeds}");
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("trading", akka =>
                akka.WithTradingEngine(config, (_, exchange) => exchange == "binance" ? ExchangeConnector.Props(binance) : null)))
            .Build();
        await host.StartAsync();
        return new ClusterNode(host, name);
    }

    public async Task<T> AskAsync<T>(object request) where T : class =>
        await Exchanges.Ask<T>(request, TimeSpan.FromSeconds(30));

    public Task<CircuitBreaker.Status> BinanceAsync() => AskAsync<CircuitBreaker.Status>(new CircuitBreaker.GetStatus("binance"));

    /// <summary>The breaker's status once a node other than <paramref name="gone"/> hosts it. Asked while the breaker is lost
    /// with its node, the status is a failure, after the registry's patience; it is asked again until the breaker answers.</summary>
    public async Task<CircuitBreaker.Status> BinanceTakenOverFromAsync(ClusterNode gone)
    {
        CircuitBreaker.Status? status = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                status = await BinanceAsync();
            }
            catch (TimeoutException)
            {
                return false;
            }
            return status.Node != gone.Address.ToString();
        }, "another node hosts the breaker");
        return status!;
    }

    /// <summary>Leaves the cluster the way a host stops: its breakers hand over, then it shuts down.</summary>
    public async Task LeaveAsync()
    {
        _stopped = true;
        await host.StopAsync();
    }

    /// <summary>
    /// Stops the node without a word to the cluster, as a crash would (the test configuration keeps termination from leaving),
    /// and has <paramref name="survivor"/> down it, as an operator, or the split brain resolver once it stayed unreachable, would.
    /// </summary>
    public async Task KillAsync(ClusterNode survivor)
    {
        _stopped = true;
        var address = Address;
        await System.Terminate();
        Akka.Cluster.Cluster.Get(survivor.System).Down(address);
    }

    /// <summary>The test is over: the node goes without leaving, so that no node waits on another's hand-over.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
            await System.Terminate();
        host.Dispose();
    }
}

/// <summary>
/// Three nodes, the first the seed of the other two, and the clock of the exchange they share: it outlives every node, so it
/// runs on an actor system of its own.
/// </summary>
internal sealed class ThreeNodes : IAsyncDisposable
{
    private readonly ActorSystem _exchangeClock = ActorSystem.Create("exchange");

    public IScheduler ExchangeClock => _exchangeClock.Scheduler;
    public IReadOnlyList<ClusterNode> Nodes { get; private set; } = [];

    /// <summary>Starts the three nodes and waits until all three are up.</summary>
    public async Task StartAsync(string hocon, IExchangeClient binance)
    {
        var first = await ClusterNode.StartAsync("A", hocon, binance, seed: null);
        Nodes = [first, await ClusterNode.StartAsync("B", hocon, binance, first), await ClusterNode.StartAsync("C", hocon, binance, first)];
        await Eventually.TrueAsync(() => Task.FromResult(Nodes.All(node =>
            Akka.Cluster.Cluster.Get(node.System).State.Members.Count(member => member.Status == MemberStatus.Up) == 3)), "the three nodes are up");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
            await node.DisposeAsync();
        await _exchangeClock.Terminate();
    }
}

internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not within {Patience.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }
}
