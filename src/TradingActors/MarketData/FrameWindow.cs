namespace TradingActors.MarketData;

/// <summary>
/// How far a socket's reader may run ahead of the actor that handles its frames: at most <c>size</c> frames
/// told and not yet acknowledged. When the window is full the reader stops reading the socket, so the
/// socket's buffers fill and TCP slows the exchange down, instead of the actor's mailbox growing without bound
/// (and a status request waiting behind millions of frames).
/// </summary>
/// <remarks>
/// A full reader resumes only once half the window is acknowledged, then reads on without waiting: waking it
/// for every frame acknowledged would cost a thread-pool dispatch per frame exactly when the feed is the
/// bottleneck. The actor acknowledges from its thread and the reader waits on its task; they share only the
/// count and the one waiter, each side publishing with a full fence before it looks at the other's.
/// </remarks>
internal sealed class FrameWindow : IDisposable
{
    private readonly int _size;
    private readonly int _resumeAt;
    private int _unacknowledged;
    private int _closed;
    private TaskCompletionSource? _waiting;

    public FrameWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _size = size;
        _resumeAt = Math.Max(1, size / 2);
    }

    /// <summary>Takes a place in the window for the next frame, waiting while it is full; cancelled once the window is closed.</summary>
    public Task TakePlace()
    {
        if (Interlocked.Increment(ref _unacknowledged) <= _size && Volatile.Read(ref _closed) == 0)
            return Task.CompletedTask;
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _waiting, waiting);
        // The actor may have made room, or closed the window, before it could see this waiter.
        if (Volatile.Read(ref _closed) != 0)
            Resume(waiting, closed: true);
        else if (Volatile.Read(ref _unacknowledged) <= _resumeAt)
            Resume(waiting, closed: false);
        return waiting.Task;
    }

    /// <summary>The actor has taken a frame: once half the window is free, a waiting reader reads on.</summary>
    public void Acknowledge()
    {
        if (Interlocked.Decrement(ref _unacknowledged) <= _resumeAt && Volatile.Read(ref _waiting) is { } waiting)
            Resume(waiting, closed: false);
    }

    /// <summary>The actor has dropped the socket: a reader waiting for room stops.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _closed, 1);
        if (Volatile.Read(ref _waiting) is { } waiting)
            Resume(waiting, closed: true);
    }

    // Whichever side gets here first for a waiter wakes it; the other finds it gone.
    private void Resume(TaskCompletionSource waiting, bool closed)
    {
        if (Interlocked.CompareExchange(ref _waiting, null, waiting) != waiting)
            return;
        if (closed)
            waiting.SetCanceled();
        else
            waiting.SetResult();
    }
}
