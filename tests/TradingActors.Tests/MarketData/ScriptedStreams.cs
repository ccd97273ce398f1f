using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using TradingActors.MarketData;
using Xunit.Sdk;

namespace TradingActors.Tests.MarketData;

/// <summary>
/// The exchanges' stream endpoints, played by the test: each socket a feed tries to open waits for the test
/// to accept or refuse it, and an accepted socket carries the frames the test pushes and keeps what the feed sent.
/// </summary>
public sealed class ScriptedStreams : IMarketStreamClient
{
    private readonly BlockingCollection<Opening> _openings = new();

    public Task<IMarketStream> ConnectAsync(Uri endpoint, CancellationToken cancellation)
    {
        var opening = new Opening(endpoint, cancellation);
        _openings.Add(opening, CancellationToken.None);
        return opening.Result;
    }

    /// <summary>True when the feed is trying to open a socket that the test has not taken yet.</summary>
    public bool HasOpening => _openings.Count > 0;

    /// <summary>The next socket the feed tries to open, waiting a few seconds of real time for it.</summary>
    public Opening NextOpening() =>
        _openings.TryTake(out var opening, TimeSpan.FromSeconds(3)) ? opening : throw new XunitException("the feed opened no socket");

    public sealed class Opening(Uri endpoint, CancellationToken cancellation)
    {
        private readonly TaskCompletionSource<IMarketStream> _result = new();

        public Uri Endpoint => endpoint;

        /// <summary>The feed gave up on this socket (its connect timeout, a failover, a stop).</summary>
        public bool Abandoned => cancellation.IsCancellationRequested;

        internal Task<IMarketStream> Result => _result.Task;

        public ScriptedStream Accept()
        {
            var stream = new ScriptedStream();
            _result.SetResult(stream);
            return stream;
        }

        /// <summary>Opens the socket as <paramref name="stream"/>, a stand-in of the test's own.</summary>
        public void Accept(IMarketStream stream) => _result.SetResult(stream);

        public void Refuse(string reason = "Connection refused") => _result.SetException(new IOException(reason));
    }
}

public sealed class ScriptedStream : IMarketStream
{
    private readonly Channel<ReadOnlyMemory<byte>> _frames = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
    private readonly ConcurrentQueue<string> _sent = new();
    private volatile bool _aborted;

    public IReadOnlyCollection<string> Sent => _sent;

    /// <summary>The feed disposed of the socket.</summary>
    public bool Aborted => _aborted;

    public Task SendAsync(string text)
    {
        _sent.Enqueue(text);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync() => _frames.Reader.ReadAllAsync();

    public void Push(string frame) => _frames.Writer.TryWrite(Encoding.UTF8.GetBytes(frame));

    public void Push(string symbol, long tradeId, double price = 42_000) => Push(TradeFrames.Trade(symbol, tradeId, price));

    /// <summary>The endpoint closes the socket.</summary>
    public void Close() => _frames.Writer.TryComplete();

    /// <summary>The socket breaks.</summary>
    public void Break(string reason = "Connection reset by peer") => _frames.Writer.TryComplete(new IOException(reason));

    public void Dispose()
    {
        _aborted = true;
        _frames.Writer.TryComplete(new ObjectDisposedException("the socket", "aborted"));
    }
}

/// <summary>
/// An endpoint that sends BTCUSDT trades with consecutive ids as fast as the socket is read, with no pause:
/// what a feed meets when the exchange is faster than it.
/// </summary>
public sealed class FloodStream : IMarketStream
{
    private long _read;
    private volatile bool _aborted;

    /// <summary>How many frames the feed's reader has read off the socket.</summary>
    public long Read => Interlocked.Read(ref _read);

    public Task SendAsync(string text) => Task.CompletedTask;

    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync()
    {
        // Off the caller's thread, as a socket's first frame comes.
        await Task.Yield();
        while (!_aborted)
            yield return Encoding.UTF8.GetBytes(TradeFrames.Trade("BTCUSDT", Interlocked.Increment(ref _read), 42_000));
        throw new ObjectDisposedException("the socket", "aborted");
    }

    public void Dispose() => _aborted = true;
}

/// <summary>Frames as Binance's combined stream sends them.</summary>
public static class TradeFrames
{
    public static string Trade(string symbol, long tradeId, double price) =>
        $$$"""{"stream":"{{{symbol.ToLowerInvariant()}}}@trade","data":{"e":"trade","E":1700000000000,"s":"{{{symbol}}}","t":{{{tradeId}}},"p":"{{{price:F2}}}","q":"0.01000000","T":1700000000000,"m":false,"M":true}}""";

    public const string Subscribed = """{"result":null,"id":1}""";
}
