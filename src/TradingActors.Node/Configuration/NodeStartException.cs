namespace TradingActors.Node.Configuration;

/// <summary>Something the node cannot start with, said in words a user can act on (no stack trace).</summary>
public sealed class NodeStartException(string message) : Exception(message);
