using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Hosting;

namespace TradingActors.Benchmarks;

/// <summary>
/// Code outside the actors asking for a price, closed path, instant exchange: through the async facade
/// (<see cref="ITradingEngine"/>, which sends prices through the fallback router), beside a bare Ask
/// over the same hops (the router), and a bare Ask on the registry (without the router's hop).
/// Figures are per request.
/// </summary>
public class AsyncFacadeBenchmarks
{
    private const int Requests = 4096;

    [Params(1, 64)]
    public int InFlight { get; set; }

    private ActorSystem? _system;
    private TradingEngine.Parts? _engine;
    private ITradingEngine? _facade;

    [GlobalSetup]
    public async Task Start()
    {
        _system = BenchmarkSystem.Start("async-facade");
        _engine = await Engine.Whole(_system, TradingSettings.From(Engine.Configuration()), InstantExchange.Instance);
        _facade = Engine.Facade(_system, _engine);
    }

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task RouterAsk() => Asking<PriceQuoted>.Run(_engine!.Router, Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task Facade() => AskFacade(_facade!, Requests, InFlight);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task RegistryAsk() => Asking<PriceQuoted>.Run(_engine!.Exchanges, Requests, InFlight);

    private static Task AskFacade(ITradingEngine facade, int requests, int inFlight)
    {
        var lanes = new Task[inFlight];
        for (var lane = 0; lane < inFlight; lane++)
            lanes[lane] = AskInTurn(facade, requests / inFlight);
        return Task.WhenAll(lanes);
    }

    private static async Task AskInTurn(ITradingEngine facade, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            var reply = await facade.GetPriceAsync(Engine.Price()).ConfigureAwait(false);
            if (reply is not PriceQuoted)
                throw new InvalidOperationException($"expected a price, got {reply}");
        }
    }
}
