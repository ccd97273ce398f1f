namespace TradingActors.Node.Tests.Support;

/// <summary>
/// The specs that run the node in processes of its own, one after another: each process is a whole node with its simulator,
/// and on two cores their start-ups side by side would slow each other past the timings the specs rely on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NodeProcesses
{
    public const string Name = "node processes";
}
