using Akka.Actor;

namespace TradingActors.MarketData;

/// <summary>
/// A feed's socket I/O (and a user data stream's), run off the actor's thread. Every outcome comes back to
/// the feed as a message tagged with the id of the socket it concerns, so the feed can tell its current
/// socket from one it has already given up on.
/// </summary>
internal static class FeedSocket
{
    public sealed record Opened(long Id, IMarketStream Stream);

    public sealed record OpenFailed(long Id, string Reason);

    /// <summary>Frames that came one after the other, in that order: as many as the socket had ready, up to the reader's batch.</summary>
    /// <param name="Frames">Each frame's text as UTF-8, in memory of its own.</param>
    public sealed record FramesReceived(long Id, ReadOnlyMemory<byte>[] Frames);

    public sealed record Lost(long Id, string Reason);

    public static void Open(IMarketStreamClient client, Uri endpoint, long id, CancellationToken cancellation, IActorRef feed) =>
        _ = OpenAsync(client, endpoint, id, cancellation, feed);

    /// <summary>
    /// Tells the feed the frames of <paramref name="stream"/>, then how it ended; it reads a frame only when
    /// <paramref name="window"/> has room for it, which the feed makes by acknowledging each frame it takes.
    /// Frames the socket already holds go together, up to <paramref name="batch"/> in one message: under load
    /// the feed handles one message per batch rather than per frame, and a lone frame is never held back.
    /// </summary>
    public static void Read(IMarketStream stream, long id, FrameWindow window, int batch, IActorRef feed) =>
        _ = ReadAsync(stream, id, window, batch, feed);

    /// <summary>Sends <paramref name="texts"/> in order, each once the one before it is sent: a socket sends one frame at a time.</summary>
    public static void Send(IMarketStream stream, long id, IActorRef feed, params IReadOnlyList<string> texts) => _ = SendAsync(stream, id, texts, feed);

    private static async Task OpenAsync(IMarketStreamClient client, Uri endpoint, long id, CancellationToken cancellation, IActorRef feed)
    {
        IMarketStream stream;
        try
        {
            stream = await client.ConnectAsync(endpoint, cancellation).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            feed.Tell(new OpenFailed(id, Describe(error)));
            return;
        }
        // The feed gave up on this socket while it was opening: nobody else would close it.
        if (cancellation.IsCancellationRequested)
            stream.Dispose();
        else
            feed.Tell(new Opened(id, stream));
    }

    private static async Task ReadAsync(IMarketStream stream, long id, FrameWindow window, int batch, IActorRef feed)
    {
        var ready = new List<ReadOnlyMemory<byte>>(batch);
        try
        {
            var frames = stream.ReadFramesAsync().GetAsyncEnumerator();
            await using var _ = frames.ConfigureAwait(false);
            while (true)
            {
                var place = window.TakePlace();
                // Frames held back while the window is full would never be acknowledged.
                if (!place.IsCompleted)
                    Tell(ready, id, feed);
                await place.ConfigureAwait(false);
                var next = frames.MoveNextAsync();
                if (!next.IsCompleted)
                    Tell(ready, id, feed);
                if (!await next.ConfigureAwait(false))
                    break;
                ready.Add(frames.Current);
                if (ready.Count == batch)
                    Tell(ready, id, feed);
            }
            Tell(ready, id, feed);
            feed.Tell(new Lost(id, "closed by the endpoint"));
        }
        catch (Exception error)
        {
            feed.Tell(new Lost(id, Describe(error)));
        }
    }

    private static void Tell(List<ReadOnlyMemory<byte>> ready, long id, IActorRef feed)
    {
        if (ready.Count == 0)
            return;
        feed.Tell(new FramesReceived(id, ready.ToArray()));
        ready.Clear();
    }

    private static async Task SendAsync(IMarketStream stream, long id, IReadOnlyList<string> texts, IActorRef feed)
    {
        try
        {
            foreach (var text in texts)
                await stream.SendAsync(text).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            feed.Tell(new Lost(id, $"could not send: {Describe(error)}"));
        }
    }

    // The innermost message names the cause ("Connection refused"), not the layers it went through.
    private static string Describe(Exception error) => error.GetBaseException().Message;
}
