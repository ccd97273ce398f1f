using Microsoft.Extensions.Hosting;

namespace TradingActors.Node.Http;

/// <summary>
/// A host lifetime that leaves Ctrl+C to the node: the node first stops its trader and waits for every
/// reply, and only then stops the host. The default console lifetime would stop the host at once.
/// </summary>
internal sealed class NodeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
