using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text.Json;

namespace TradingActors.Benchmarks.Feeds;

/// <summary>
/// The floor a feed is measured against: one <see cref="ClientWebSocket"/> read in a loop into one reused
/// buffer, each frame parsed in place with a <see cref="Utf8JsonReader"/> for the fields a feed hands on
/// (symbol, trade id, price and quantity as decimals, trade time), with no actor, copy or message between.
/// </summary>
internal sealed class BareTradeLoop : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private Task _reading = Task.CompletedTask;

    private BareTradeLoop(Deliveries deliveries) => Deliveries = deliveries;

    public Deliveries Deliveries { get; }

    public static async Task<BareTradeLoop> StartAsync(TradeFrameSource source)
    {
        var loop = new BareTradeLoop(new Deliveries(source));
        await loop._socket.ConnectAsync(source.Endpoint, CancellationToken.None);
        loop._reading = Task.Run(loop.ReadAsync);
        return loop;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reading;
        _socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[8192];
        var length = 0;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                    return;
                length += received.Count;
                if (!received.EndOfMessage)
                    continue;
                Deliveries.Received(Parse(buffer.AsSpan(0, length)).TradeId);
                length = 0;
            }
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Aborted at the end of the run.
        }
    }

    private static (string Symbol, long TradeId, decimal Price, decimal Quantity, long Time) Parse(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        var trade = (Symbol: "", TradeId: 0L, Price: 0m, Quantity: 0m, Time: 0L);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                continue;
            if (reader.ValueTextEquals("s"u8) && reader.Read())
                trade.Symbol = reader.GetString()!;
            else if (reader.ValueTextEquals("t"u8) && reader.Read())
                trade.TradeId = reader.GetInt64();
            else if (reader.ValueTextEquals("p"u8) && reader.Read())
                trade.Price = Decimal(reader.ValueSpan);
            else if (reader.ValueTextEquals("q"u8) && reader.Read())
                trade.Quantity = Decimal(reader.ValueSpan);
            else if (reader.ValueTextEquals("T"u8) && reader.Read())
                trade.Time = reader.GetInt64();
        }
        return trade;
    }

    private static decimal Decimal(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out decimal value, out var consumed) && consumed == utf8.Length
            ? value
            : throw new FormatException("not a decimal");
}
