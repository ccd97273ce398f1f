namespace TradingActors.MarketData;

/// <summary>
/// Opens sockets to an exchange's stream endpoints: <see cref="WebSocketStreamClient"/> over the network,
/// or a stand-in that a test scripts. Only a feed actor calls it, and never waits on it.
/// </summary>
public interface IMarketStreamClient
{
    /// <summary>Opens a socket to <paramref name="endpoint"/>; fails when it cannot, or when cancelled first.</summary>
    Task<IMarketStream> ConnectAsync(Uri endpoint, CancellationToken cancellation);
}

/// <summary>
/// One open stream socket. Disposing it aborts it at once, which ends <see cref="ReadFramesAsync"/>
/// with an error; the feed reads it from one task and sends on it from one other.
/// </summary>
public interface IMarketStream : IDisposable
{
    Task SendAsync(string text);

    /// <summary>The text frames as they arrive; ends when the endpoint closes the socket, throws when it breaks.</summary>
    IAsyncEnumerable<string> ReadFramesAsync();
}
