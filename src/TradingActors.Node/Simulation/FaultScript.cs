using TradingActors.ExchangeSim;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.Node.Simulation;

/// <summary>
/// Plays the configured fault schedule on the in-process simulator, counting from when trading starts
/// rather than from when the simulator did, so that the story keeps time with the dashboard's clock
/// however long the engine takes to start.
/// </summary>
internal static class FaultScript
{
    public static Task PlayAsync(IReadOnlyList<ScheduledFault> schedule, ExchangeSimulator simulator, CancellationToken stop) =>
        Task.WhenAll(schedule.Select(async fault =>
        {
            await Task.Delay(fault.At, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!stop.IsCancellationRequested)
                await simulator.Exchanges[fault.Exchange].Faults.SetAsync(fault.Faults, fault.Duration);
        }));
}
