using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Tests.Support;

/// <summary>
/// A Binance WebSocket API client, written from Binance's documentation: requests {"id","method","params"}
/// on /ws-api/v3, signed with the HMAC-SHA256 of the params sorted by name as name=value&amp;...; replies
/// are matched by id, and events that come before a reply are kept for <see cref="NextEventAsync"/>.
/// </summary>
internal sealed class UserDataClient : IDisposable
{
    private readonly TradeStreamClient _socket;
    private readonly Queue<JsonElement> _events = new();
    private int _lastId;

    private UserDataClient(TradeStreamClient socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public static async Task<UserDataClient> ConnectAsync(SimulatedExchange exchange) =>
        new(await TradeStreamClient.ConnectAsync(exchange, "ws-api/v3"));

    /// <summary>A session subscribed to the default account's user data.</summary>
    public static async Task<UserDataClient> SubscribedAsync(SimulatedExchange exchange)
    {
        var client = await ConnectAsync(exchange);
        Assert.Equal(200, (await client.SubscribeAsync()).GetProperty("status").GetInt32());
        return client;
    }

    public static string Sign(string secret, IEnumerable<KeyValuePair<string, object>> parameters)
    {
        var payload = string.Join('&', parameters
            .OrderBy(parameter => parameter.Key, StringComparer.Ordinal)
            .Select(parameter => $"{parameter.Key}={Convert.ToString(parameter.Value, CultureInfo.InvariantCulture)}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>userDataStream.subscribe.signature for the account, signed with <paramref name="secret"/> (by default the account's own).</summary>
    public Task<JsonElement> SubscribeAsync(AccountOptions? account = null, long? timestamp = null, long? recvWindow = null, string? secret = null)
    {
        account ??= AccountOptions.Default;
        var parameters = new Dictionary<string, object> { ["apiKey"] = account.ApiKey, ["timestamp"] = timestamp ?? BinanceClient.Now };
        if (recvWindow is { } window)
            parameters["recvWindow"] = window;
        parameters["signature"] = Sign(secret ?? account.Secret, parameters);
        return RequestAsync("userDataStream.subscribe.signature", parameters);
    }

    public async Task<JsonElement> RequestAsync(string method, Dictionary<string, object>? parameters = null)
    {
        var id = ++_lastId;
        await _socket.SendAsync(JsonSerializer.Serialize(new { id, method, @params = parameters ?? new Dictionary<string, object>() }));
        var reply = await ReplyAsync();
        Assert.Equal(id, reply.GetProperty("id").GetInt32());
        return reply;
    }

    public Task SendAsync(string text) => _socket.SendAsync(text);

    /// <summary>The next reply, keeping the events that come before it.</summary>
    public async Task<JsonElement> ReplyAsync()
    {
        while (true)
        {
            var frame = await _socket.ReceiveJsonAsync();
            if (frame.TryGetProperty("status", out _))
                return frame;
            _events.Enqueue(frame);
        }
    }

    /// <summary>The next event frame, {"subscriptionId":N,"event":{...}}; one that does not come within the bound fails the test.</summary>
    public async Task<JsonElement> NextEventAsync()
    {
        if (_events.TryDequeue(out var kept))
            return kept;
        var frame = await _socket.ReceiveJsonAsync();
        Assert.True(frame.TryGetProperty("event", out _), $"Expected an event, got {frame}");
        return frame;
    }

    /// <summary>The next frame, which fails with the socket when the server drops it.</summary>
    public Task<string> ReceiveAsync() => _socket.ReceiveAsync();

    /// <summary>
    /// Frames go out in order, and an order's events are queued before its REST reply is sent: if the reply
    /// to a ping sent now is the next frame, no event was sent for anything that happened before.
    /// </summary>
    public async Task AssertNoEventSentAsync()
    {
        Assert.Empty(_events);
        var id = ++_lastId;
        await _socket.SendAsync(JsonSerializer.Serialize(new { id, method = "ping" }));
        var frame = await _socket.ReceiveJsonAsync();
        Assert.True(frame.TryGetProperty("id", out var replyTo) && replyTo.GetInt32() == id, $"Expected the ping's reply, got {frame}");
    }

    public void Dispose() => _socket.Dispose();
}
