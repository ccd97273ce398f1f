namespace TradingActors.MarketData;

/// <summary>
/// How far a socket's reader may run ahead of the actor that handles its frames: at most <c>size</c> frames
/// told and not yet acknowledged. When the window is full the reader stops reading the socket, so the
/// socket's buffers fill and TCP slows the exchange down, instead of the actor's mailbox growing without bound
/// (and a status request waiting behind millions of frames).
/// </summary>
/// <remarks>The actor acknowledges from its thread, the reader waits on its task; the semaphore is all they share.</remarks>
internal sealed class FrameWindow(int size) : IDisposable
{
    private readonly SemaphoreSlim _room = new(size, size);
    private readonly CancellationTokenSource _closed = new();

    /// <summary>Takes a place in the window for the next frame, waiting while it is full; cancelled once the window is closed.</summary>
    public Task TakePlace() => _room.WaitAsync(_closed.Token);

    /// <summary>The actor has taken a frame: the reader may read one more.</summary>
    public void Acknowledge() => _room.Release();

    /// <summary>The actor has dropped the socket: a reader waiting for room stops.</summary>
    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
    }
}
