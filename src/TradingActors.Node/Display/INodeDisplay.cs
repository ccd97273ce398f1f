namespace TradingActors.Node.Display;

/// <summary>Shows the running node until it is told to stop: a live dashboard on a terminal, log lines otherwise.</summary>
internal interface INodeDisplay
{
    Task ShowAsync(Func<CancellationToken, Task<NodeSnapshot>> snapshot, CancellationToken stop);
}
