using Akka.Actor;
using Akka.Pattern;
using BenchmarkDotNet.Attributes;
using Polly;
using Polly.CircuitBreaker;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks;

/// <summary>
/// Polly's and Akka's circuit breakers called directly, without actors, around the same instant
/// exchange: the least a user of either pays per call, closed and open. The bare call is the baseline.
/// </summary>
public class WithoutActorsBenchmarks
{
    private const int Calls = 1000;

    private readonly (IExchangeClient exchange, GetPrice query) _call = (InstantExchange.Instance, Engine.Price());
    private ActorSystem? _system;
    private ResiliencePipeline _pollyClosed = ResiliencePipeline.Empty;
    private ResiliencePipeline _pollyOpen = ResiliencePipeline.Empty;
    private Akka.Pattern.CircuitBreaker? _akkaClosed;
    private Akka.Pattern.CircuitBreaker? _akkaOpen;

    [GlobalSetup]
    public void Start()
    {
        // Akka's breaker needs a scheduler for its reset timeout, and nothing else of the actor system.
        _system = BenchmarkSystem.Start("without-actors");
        _pollyClosed = PollyExchange.Pipeline();
        _pollyOpen = PollyExchange.Opened();
        _akkaClosed = AkkaBreakerExchange.Breaker(_system.Scheduler);
        _akkaOpen = AkkaBreakerExchange.Opened(_system.Scheduler);
    }

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public async Task<decimal> BareCall()
    {
        var sum = 0m;
        for (var i = 0; i < Calls; i++)
            sum += await _call.exchange.GetPriceAsync(_call.query, CancellationToken.None);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<decimal> PollyClosed()
    {
        var sum = 0m;
        for (var i = 0; i < Calls; i++)
            sum += await _pollyClosed.ExecuteAsync(
                static (call, cancellation) => call.exchange.GetPriceAsync(call.query, cancellation), _call, CancellationToken.None);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> PollyOpenException()
    {
        var rejected = 0;
        for (var i = 0; i < Calls; i++)
        {
            try
            {
                await _pollyOpen.ExecuteAsync(
                    static (call, cancellation) => call.exchange.GetPriceAsync(call.query, cancellation), _call, CancellationToken.None);
            }
            catch (BrokenCircuitException)
            {
                rejected++;
            }
        }
        return Checked(rejected);
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> PollyOpenOutcome()
    {
        var rejected = 0;
        for (var i = 0; i < Calls; i++)
        {
            var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
            var outcome = await _pollyOpen.ExecuteOutcomeAsync(
                static async (context, call) => Outcome.FromResult(await call.exchange.GetPriceAsync(call.query, context.CancellationToken)),
                context, _call);
            ResilienceContextPool.Shared.Return(context);
            if (outcome.Exception is BrokenCircuitException)
                rejected++;
        }
        return Checked(rejected);
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<decimal> AkkaBreakerClosed()
    {
        var sum = 0m;
        for (var i = 0; i < Calls; i++)
            sum += await _akkaClosed!.Price(_call.exchange, _call.query);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> AkkaBreakerOpen()
    {
        var rejected = 0;
        for (var i = 0; i < Calls; i++)
        {
            try
            {
                await _akkaOpen!.Price(_call.exchange, _call.query);
            }
            catch (OpenCircuitException)
            {
                rejected++;
            }
        }
        return Checked(rejected);
    }

    // An open path that let a call through would measure the wrong thing.
    private static int Checked(int rejected) =>
        rejected == Calls ? rejected : throw new InvalidOperationException($"only {rejected} of {Calls} calls were rejected");
}
