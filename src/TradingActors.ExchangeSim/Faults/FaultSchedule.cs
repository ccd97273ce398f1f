using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Faults;

/// <summary>Applies each scheduled fault at its offset from the start; its duration clears it.</summary>
internal static class FaultSchedule
{
    public static Task RunAsync(
        IReadOnlyList<ScheduledFault> schedule, IReadOnlyDictionary<string, SimulatedExchange> exchanges, CancellationToken stop) =>
        Task.WhenAll(schedule.Select(entry => ApplyAsync(entry, exchanges[entry.Exchange].Faults, stop)));

    private static async Task ApplyAsync(ScheduledFault entry, ExchangeFaults faults, CancellationToken stop)
    {
        try
        {
            await Task.Delay(entry.At, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        faults.SetInBackground(entry.Faults, entry.Duration);
    }
}
