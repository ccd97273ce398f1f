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

    /// <summary>
    /// The text frames as they arrive, as UTF-8, each in memory of its own (the feed reads a frame while the next
    /// is received); ends when the endpoint closes the socket, throws when it breaks. The socket is read only as
    /// far as the frames are asked for, which is how a feed that falls behind slows the endpoint down.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync();
}
