using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradingActors.Benchmarks.Feeds;

/// <summary>
/// A stream endpoint on loopback that pushes Binance combined-stream trade frames (BTCUSDT) to each socket,
/// with consecutive trade ids from 1, as fast as the socket takes them or at a given rate: the simulator's own
/// ticker is bound to its timer, far below what a feed can take. Each frame is written into one buffer that
/// is reused, so the source allocates nothing per trade, and its send time is kept by trade id for the
/// receivers to time delivery against (<see cref="SentAt"/>).
/// </summary>
internal sealed class TradeFrameSource : IAsyncDisposable
{
    public const string Symbol = "BTCUSDT";

    // The latest million trades' send times, by trade id; a receiver reads a trade's long before its slot comes round again.
    private const int Remembered = 1 << 20;

    private static readonly byte[] Head = Encoding.UTF8.GetBytes("""{"stream":"btcusdt@trade","data":{"e":"trade","E":1700000000000,"s":"BTCUSDT","t":""");
    private static readonly byte[] Tail = Encoding.UTF8.GetBytes(""","p":"42000.10000000","q":"0.01000000","T":1700000000000,"m":false,"M":true}}""");

    private readonly WebApplication _app;
    private readonly int _rate;
    private readonly long[] _sentAt = new long[Remembered];

    private TradeFrameSource(WebApplication app, int rate) => (_app, _rate) = (app, rate);

    /// <summary>The endpoint to connect to, on an ephemeral port.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <param name="rate">Trades per second on each socket; 0: as fast as the socket takes them.</param>
    public static async Task<TradeFrameSource> StartAsync(int rate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var source = new TradeFrameSource(app, rate);
        app.UseWebSockets();
        app.Map("/stream", source.StreamAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        source.Endpoint = new Uri(address.Replace("http://", "ws://") + "/stream");
        return source;
    }

    /// <summary>When trade <paramref name="tradeId"/> was handed to its socket, in <see cref="Stopwatch"/> ticks.</summary>
    public long SentAt(long tradeId) => Volatile.Read(ref _sentAt[tradeId & (Remembered - 1)]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task StreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        // The subscription, pongs and the close come this way; none of them changes what is sent.
        var draining = DrainAsync(socket, closed);
        try
        {
            await SendAsync(socket, closed.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The receiver went away: that is how every run ends.
        }
        await closed.CancelAsync();
        await draining;
    }

    private async Task SendAsync(WebSocket socket, CancellationToken closed)
    {
        var frame = new byte[Head.Length + 20 + Tail.Length];
        Head.CopyTo(frame, 0);
        var started = Stopwatch.GetTimestamp();
        for (long tradeId = 1; !closed.IsCancellationRequested; tradeId++)
        {
            if (_rate > 0)
                await PaceAsync(tradeId, started, closed);
            Utf8Formatter.TryFormat(tradeId, frame.AsSpan(Head.Length), out var digits);
            Tail.CopyTo(frame, Head.Length + digits);
            Volatile.Write(ref _sentAt[tradeId & (Remembered - 1)], Stopwatch.GetTimestamp());
            await socket.SendAsync(frame.AsMemory(0, Head.Length + digits + Tail.Length), WebSocketMessageType.Text, endOfMessage: true, closed);
        }
    }

    // Trades due by now at the rate are sent at once; a source that is ahead waits a timer tick (about a millisecond).
    private async Task PaceAsync(long tradeId, long started, CancellationToken closed)
    {
        while (Stopwatch.GetElapsedTime(started).TotalSeconds * _rate < tradeId)
            await Task.Delay(1, closed);
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer.AsMemory(), closed.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Aborted, or the sender already gave up.
        }
        await closed.CancelAsync();
    }
}
