using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Exchanges;
using TradingActors.Registry;

namespace TradingActors.Benchmarks;

/// <summary>
/// One registry with 10,000 exchanges (or accounts): the time to create their breakers, each with its
/// exchange actor, by sending one request to each name (the registry's get-or-create), what they keep
/// on the heap (the Retained/item column), and the time for a status snapshot of all of them.
/// </summary>
[InvocationCount(1)]
public class ManyBreakersBenchmarks
{
    private const int Exchanges = 10_000;

    private static readonly string[] Names = Enumerable.Range(0, Exchanges).Select(i => $"exchange-{i:D5}").ToArray();

    private ActorSystem? _system;
    private IActorRef _registry = ActorRefs.Nobody;

    [GlobalSetup(Target = nameof(CreateBreakers))]
    public async Task MeasureRetainedMemory()
    {
        _system = BenchmarkSystem.Start("many-breakers");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _registry = await Populated();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        RetainedColumn.Record(typeof(ManyBreakersBenchmarks), nameof(CreateBreakers), (after - before) / Exchanges);
        await Stopped();
    }

    [GlobalSetup(Target = nameof(StatusSnapshot))]
    public async Task CreateAll()
    {
        _system = BenchmarkSystem.Start("many-breakers");
        _registry = await Populated();
    }

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [IterationCleanup(Target = nameof(CreateBreakers))]
    public void RemoveAll() => Stopped().GetAwaiter().GetResult();

    /// <summary>All 10,000 breakers, from the first request to the last reply.</summary>
    [Benchmark]
    public async Task CreateBreakers() => _registry = await Populated();

    [Benchmark]
    public async Task<int> StatusSnapshot()
    {
        var statuses = await _registry.Ask<ExchangeRegistry.Statuses>(ExchangeRegistry.GetStatuses.Instance);
        return statuses.Exchanges.Count == Exchanges
            ? statuses.Exchanges.Count
            : throw new InvalidOperationException($"{statuses.Exchanges.Count} statuses for {Exchanges} exchanges");
    }

    private async Task<IActorRef> Populated()
    {
        var registry = Engine.Registry(_system!, InstantExchange.Instance);
        var caller = Caller.Start<PriceQuoted>(_system!, registry, static i => new GetPrice(Names[i], Engine.Symbol));
        await caller.Run(Exchanges, inFlight: Exchanges);
        _system!.Stop(caller);
        return registry;
    }

    private async Task Stopped()
    {
        await _registry.GracefulStop(TimeSpan.FromMinutes(1));
        _registry = ActorRefs.Nobody;
    }
}
