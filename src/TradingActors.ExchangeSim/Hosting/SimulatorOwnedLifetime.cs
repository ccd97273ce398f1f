using Microsoft.Extensions.Hosting;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>
/// Replaces the console lifetime, which would stop each exchange on its own at Ctrl+C: the simulator
/// alone decides when an exchange stops (an outage, or the simulator's end).
/// </summary>
internal sealed class SimulatorOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
