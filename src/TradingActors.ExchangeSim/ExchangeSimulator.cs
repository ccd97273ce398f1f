using System.Diagnostics;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim;

/// <summary>
/// Simulated exchanges speaking Binance's spot REST API and trade streams on loopback, with faults to
/// inject. Start it with <see cref="StartAsync"/>; disposing it stops every exchange.
/// </summary>
public sealed class ExchangeSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<Task> _background = [];
    private bool _disposed;

    private ExchangeSimulator(SimulatorOptions options)
    {
        AdminToken = options.AdminToken;
        Exchanges = options.Exchanges.ToDictionary(exchange => exchange.Name, exchange => new SimulatedExchange(exchange, options));
    }

    /// <summary>The exchanges by name.</summary>
    public IReadOnlyDictionary<string, SimulatedExchange> Exchanges { get; }

    /// <summary>The bearer token of every exchange's admin endpoint.</summary>
    public string AdminToken { get; }

    /// <summary>Starts every exchange on its port; the fault schedule's offsets count from here.</summary>
    public static async Task<ExchangeSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var simulator = new ExchangeSimulator(options);
        try
        {
            foreach (var exchange in simulator.Exchanges.Values)
                await exchange.StartAsync(cancellationToken);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
        if (options.TickInterval > TimeSpan.Zero)
            simulator._background.Add(simulator.TickAsync(options.TickInterval, new TradePacer(options.TradeRate)));
        simulator._background.Add(FaultSchedule.RunAsync(options.Schedule, simulator.Exchanges, simulator._lifetime.Token));
        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await _lifetime.CancelAsync();
        await Task.WhenAll(_background);
        await Task.WhenAll(Exchanges.Values.Select(exchange => exchange.StopAsync()));
        _lifetime.Dispose();
    }

    private async Task TickAsync(TimeSpan interval, TradePacer pacer)
    {
        using var timer = new PeriodicTimer(interval);
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token))
            {
                var steps = pacer.StepsDue(Stopwatch.GetElapsedTime(started));
                foreach (var exchange in Exchanges.Values)
                    exchange.Tick(steps);
            }
        }
        catch (OperationCanceledException)
        {
            // The simulator is stopping.
        }
    }
}
