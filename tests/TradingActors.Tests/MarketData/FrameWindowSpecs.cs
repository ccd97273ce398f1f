using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>The window between a socket's reader and its feed is lock-free: raced on two threads, it neither lets too many out nor stalls.</summary>
public sealed class FrameWindowSpecs
{
    [Fact]
    public async Task A_reader_and_an_acknowledger_racing_never_have_more_than_the_window_out_and_never_stall()
    {
        const int size = 8;
        const int frames = 200_000;
        var window = new FrameWindow(size);
        long told = 0;
        var mostOut = 0L;

        var reader = Task.Run(async () =>
        {
            for (var frame = 0; frame < frames; frame++)
            {
                await window.TakePlace();
                Interlocked.Increment(ref told);
            }
        });
        var acknowledger = Task.Run(() =>
        {
            for (long acknowledged = 0; acknowledged < frames;)
            {
                var outstanding = Volatile.Read(ref told) - acknowledged;
                mostOut = Math.Max(mostOut, outstanding);
                if (outstanding == 0)
                {
                    Thread.Yield();
                    continue;
                }
                window.Acknowledge();
                acknowledged++;
            }
        });

        var both = Task.WhenAll(reader, acknowledger);
        Assert.Same(both, await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(30))));
        await both;
        Assert.InRange(mostOut, 1, size);
    }

    [Fact]
    public async Task Closing_the_window_cancels_a_reader_waiting_for_room()
    {
        var window = new FrameWindow(1);
        await window.TakePlace();
        var waiting = window.TakePlace();

        window.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void A_window_of_no_frames_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameWindow(0));
    }
}
