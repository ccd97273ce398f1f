using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// An <see cref="IExchangeClient"/> for Binance's spot REST API (and anything that speaks it, such as
/// the project's simulator). One pooled connection handler per exchange; signed endpoints carry the
/// API key header and an HMAC-SHA256 signature over the parameters, with a timestamp and recvWindow.
/// Every outcome becomes a reply kind: see <see cref="BinanceErrors"/>.
/// </summary>
public sealed class BinanceClient : IExchangeClient, IDisposable
{
    // Strict: a reply missing a field the engine needs is malformed, not a half-filled record.
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new PlainDecimalJson() },
    };

    private readonly BinanceSettings _settings;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    // The key, not an HMACSHA256 instance: an instance is not safe to use from two threads, and a host keeps
    // many signed requests in flight; the static HashData keeps no state between calls.
    private readonly byte[] _secret;

    public BinanceClient(BinanceSettings settings, TimeProvider? clock = null)
    {
        _settings = settings;
        _clock = clock ?? TimeProvider.System;
        _secret = Encoding.UTF8.GetBytes(settings.ApiSecret);
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = settings.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = settings.BaseAddress,
            Timeout = settings.RequestTimeout,
        };
        _http.DefaultRequestHeaders.Add("X-MBX-APIKEY", settings.ApiKey);
    }

    public async ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation)
    {
        var parameters = new List<(string, string)>
        {
            ("symbol", order.Symbol),
            ("side", order.Side == OrderSide.Buy ? "BUY" : "SELL"),
            ("type", order.LimitPrice is null ? "MARKET" : "LIMIT"),
            ("quantity", PlainDecimal.Format(order.Quantity)),
            ("newClientOrderId", order.ClientOrderId),
            ("newOrderRespType", "RESULT"),
        };
        if (order.LimitPrice is { } price)
        {
            parameters.Add(("timeInForce", "GTC"));
            parameters.Add(("price", PlainDecimal.Format(price)));
        }
        var reply = await Send<OrderReply>(HttpMethod.Post, "/api/v3/order", parameters, signed: true, isOrder: true, cancellation);
        return reply.ToReport(order.Side);
    }

    public async ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation)
    {
        var reply = await Send<OrderReply>(HttpMethod.Delete, "/api/v3/order",
            [("symbol", cancel.Symbol), ("origClientOrderId", cancel.ClientOrderId)], signed: true, isOrder: false, cancellation);
        return reply.ToReport();
    }

    public async ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation)
    {
        var reply = await Send<OrderReply>(HttpMethod.Get, "/api/v3/order",
            [("symbol", query.Symbol), ("origClientOrderId", query.ClientOrderId)], signed: true, isOrder: false, cancellation);
        return reply.ToReport();
    }

    public async ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) =>
        (await Send<List<OrderReply>>(HttpMethod.Get, "/api/v3/openOrders", [], signed: true, isOrder: false, cancellation))
        .Select(order => order.ToReport()).ToList();

    public async ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation) =>
        (await Send<PriceReply>(HttpMethod.Get, "/api/v3/ticker/price", [("symbol", query.Symbol)], signed: false, isOrder: false, cancellation)).Price;

    public async ValueTask PingAsync(CancellationToken cancellation) =>
        await Send<EmptyReply>(HttpMethod.Get, "/api/v3/ping", [], signed: false, isOrder: false, cancellation);

    public void Dispose() => _http.Dispose();

    private async Task<T> Send<T>(
        HttpMethod method, string path, IReadOnlyList<(string Name, string Value)> parameters, bool signed, bool isOrder,
        CancellationToken cancellation) where T : class
    {
        var query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        if (signed)
        {
            var stamp = $"recvWindow={(long)_settings.RecvWindow.TotalMilliseconds}&timestamp={_clock.GetUtcNow().ToUnixTimeMilliseconds()}";
            var stamped = query.Length == 0 ? stamp : $"{query}&{stamp}";
            query = $"{stamped}&signature={Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(stamped)))}";
        }
        // An order goes in a form body, as Binance's own clients send it; everything else in the query string.
        using var request = method == HttpMethod.Post
            ? new HttpRequestMessage(method, path) { Content = new StringContent(query, Encoding.UTF8, "application/x-www-form-urlencoded") }
            : new HttpRequestMessage(method, query.Length == 0 ? path : $"{path}?{query}");
        using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryParse<ErrorReply>(body);
            throw BinanceErrors.From(response.StatusCode, error?.Code, error?.Msg ?? body, response.Headers, isOrder);
        }
        return TryParse<T>(body) ?? throw new ExchangeFailureException(FailureKind.MalformedResponse,
            isOrder ? ExecutionOutcome.Unknown : ExecutionOutcome.NotExecuted,
            $"unreadable reply from {path}: {(body.Length > 80 ? body[..80] + "..." : body)}");
    }

    private static T? TryParse<T>(string body) where T : class
    {
        try
        {
            return body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private sealed record EmptyReply;

    private sealed record ErrorReply([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("msg")] string Msg);

    private sealed record PriceReply([property: JsonPropertyName("symbol")] string Symbol, [property: JsonPropertyName("price")] decimal Price);

    private sealed record OrderReply(
        [property: JsonPropertyName("symbol")] string Symbol,
        [property: JsonPropertyName("orderId")] long OrderId,
        [property: JsonPropertyName("clientOrderId")] string ClientOrderId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("origQty")] decimal OrigQty,
        [property: JsonPropertyName("executedQty")] decimal ExecutedQty,
        [property: JsonPropertyName("cummulativeQuoteQty")] decimal CumulativeQuoteQty,
        [property: JsonPropertyName("origClientOrderId")] string? OrigClientOrderId = null,
        [property: JsonPropertyName("side")] string? Side = null)
    {
        public OrderReport ToReport(OrderSide? side = null) => new(
            OrigClientOrderId ?? ClientOrderId,
            OrderId.ToString(CultureInfo.InvariantCulture),
            Symbol,
            side ?? (Side == "SELL" ? OrderSide.Sell : OrderSide.Buy),
            Status switch
            {
                "NEW" or "PENDING_NEW" => OrderState.New,
                "PARTIALLY_FILLED" => OrderState.PartiallyFilled,
                "FILLED" => OrderState.Filled,
                "CANCELED" or "PENDING_CANCEL" => OrderState.Cancelled,
                "EXPIRED" or "EXPIRED_IN_MATCH" => OrderState.Expired,
                _ => OrderState.Rejected,
            },
            OrigQty,
            ExecutedQty,
            ExecutedQty > 0 ? CumulativeQuoteQty / ExecutedQty : null);
    }
}
