using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// An <see cref="IExchangeClient"/> for Binance's spot REST API (and anything that speaks it, such as
/// the project's simulator). One pooled connection handler per exchange; signed endpoints carry the
/// API key header and an HMAC-SHA256 signature over the parameters, with a timestamp and recvWindow.
/// Every outcome becomes a reply kind: see <see cref="BinanceErrors"/>. Each reply's weight and order count
/// headers keep the rate budget, which the connector asks before each request.
/// </summary>
public sealed class BinanceClient : IExchangeClient, IRateBudgeted, IDisposable
{
    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");

    private readonly BinanceSettings _settings;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    // The key, not an HMACSHA256 instance: an instance is not safe to use from two threads, and a host keeps
    // many signed requests in flight; the static HashData keeps no state between calls.
    private readonly byte[] _secret;
    private readonly RateBudget? _budget;

    public BinanceClient(BinanceSettings settings, TimeProvider? clock = null)
    {
        _settings = settings;
        _clock = clock ?? TimeProvider.System;
        _secret = Encoding.UTF8.GetBytes(settings.ApiSecret);
        _budget = settings.RateHeadroom is { } headroom ? new RateBudget(headroom, _clock) : null;
        _http = settings.NewHttpClient();
        _http.DefaultRequestHeaders.Add("X-MBX-APIKEY", settings.ApiKey);
    }

    public async ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation)
    {
        var query = new BinanceQuery();
        query.Add("symbol", order.Symbol);
        query.Add("side", order.Side == OrderSide.Buy ? "BUY" : "SELL");
        query.Add("type", order.LimitPrice is null ? "MARKET" : "LIMIT");
        query.Add("quantity", order.Quantity);
        query.Add("newClientOrderId", order.ClientOrderId);
        query.Add("newOrderRespType", "RESULT");
        if (order.LimitPrice is { } price)
        {
            query.Add("timeInForce", "GTC");
            query.Add("price", price);
        }
        var reply = await Send(Signed(HttpMethod.Post, "/api/v3/order", ref query), BinanceJson.Default.Order, isOrder: true, cancellation);
        return reply.ToReport(order.Side);
    }

    public async ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) =>
        (await Send(OrderQuery(HttpMethod.Delete, cancel.Symbol, cancel.ClientOrderId), BinanceJson.Default.Order, isOrder: false, cancellation))
        .ToReport();

    public async ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) =>
        (await Send(OrderQuery(HttpMethod.Get, query.Symbol, query.ClientOrderId), BinanceJson.Default.Order, isOrder: false, cancellation))
        .ToReport();

    public async ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation)
    {
        var none = new BinanceQuery();
        var orders = await Send(Signed(HttpMethod.Get, "/api/v3/openOrders", ref none), BinanceJson.Default.ListOrder, isOrder: false, cancellation);
        return orders.Select(order => order.ToReport()).ToList();
    }

    public async ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation)
    {
        var symbol = new BinanceQuery();
        symbol.Add("symbol", query.Symbol);
        return (await Send(Unsigned("/api/v3/ticker/price", ref symbol), BinanceJson.Default.Price, isOrder: false, cancellation)).Value;
    }

    public async ValueTask PingAsync(CancellationToken cancellation)
    {
        var none = new BinanceQuery();
        await Send(Unsigned("/api/v3/ping", ref none), BinanceJson.Default.Empty, isOrder: false, cancellation);
    }

    /// <summary>The key's rate limits as the last replies reported them; null when <c>rate-budget</c> is off.</summary>
    public RateBudget? Budget => _budget;

    // Each request's weight as Binance counts it: prices by symbol, one order's status, every symbol's open orders.
    public RateBudgetExhausted? Admit(ExchangeRequest request) => _budget?.Admit(request, request switch
    {
        GetPrice => 2,
        GetOrderStatus => 4,
        GetOpenOrders => 80,
        _ => 1,
    });

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage OrderQuery(HttpMethod method, string symbol, string clientOrderId)
    {
        var query = new BinanceQuery();
        query.Add("symbol", symbol);
        query.Add("origClientOrderId", clientOrderId);
        return Signed(method, "/api/v3/order", ref query);
    }

    /// <summary>Stamps and signs <paramref name="query"/> into a request: an order's in a form body, as Binance's own clients send it; the rest in the URL.</summary>
    private HttpRequestMessage Signed(HttpMethod method, string path, ref BinanceQuery query)
    {
        query.Add("recvWindow", (long)_settings.RecvWindow.TotalMilliseconds);
        query.Add("timestamp", _clock.GetUtcNow().ToUnixTimeMilliseconds());
        query.Sign(_secret);
        if (method != HttpMethod.Post)
            return Unsigned(path, ref query, method);
        var body = new ByteArrayContent(query.ToUtf8());
        body.Headers.ContentType = Form;
        query.Dispose();
        return new HttpRequestMessage(method, path) { Content = body };
    }

    private static HttpRequestMessage Unsigned(string path, ref BinanceQuery query, HttpMethod? method = null)
    {
        var target = query.IsEmpty ? path : query.ToString($"{path}?");
        query.Dispose();
        return new HttpRequestMessage(method ?? HttpMethod.Get, target);
    }

    private async Task<T> Send<T>(HttpRequestMessage request, JsonTypeInfo<T> reply, bool isOrder, CancellationToken cancellation)
        where T : class
    {
        using (request)
        {
            var sent = _budget?.Charged;
            using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
            if (sent is { } mark)
                Report(response.Headers, mark);
            var body = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = TryParse(body, BinanceJson.Default.Error);
                throw BinanceErrors.From(response.StatusCode, error?.Code, error?.Msg ?? Encoding.UTF8.GetString(body), response.Headers, isOrder);
            }
            // The request's URI is absolute once sent: HttpClient resolves it against the base address.
            return TryParse(body, reply) ?? throw new ExchangeFailureException(FailureKind.MalformedResponse,
                isOrder ? ExecutionOutcome.Unknown : ExecutionOutcome.NotExecuted,
                $"unreadable reply from {request.RequestUri?.AbsolutePath}: {Excerpt(body)}");
        }
    }

    private void Report(HttpResponseHeaders headers, RateBudget.Mark sent)
    {
        var now = _clock.GetUtcNow();
        if (Count(headers, "X-MBX-USED-WEIGHT-1M") is { } weight)
            _budget!.ReportRequests(new RateUsage(weight, _settings.RequestWeightLimit, WindowEnd(now, TimeSpan.FromMinutes(1))), sent);
        if (Count(headers, "X-MBX-ORDER-COUNT-10S") is { } orders)
            _budget!.ReportOrders(new RateUsage(orders, _settings.OrderCountLimit, WindowEnd(now, TimeSpan.FromSeconds(10))), sent);
    }

    private static decimal? Count(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && long.TryParse(values.ToString(), out var count) ? count : null;

    // Binance's windows are aligned to the clock: a minute's weight frees at the next whole minute.
    private static DateTimeOffset WindowEnd(DateTimeOffset now, TimeSpan window) =>
        new((now.UtcTicks / window.Ticks + 1) * window.Ticks, TimeSpan.Zero);

    private static T? TryParse<T>(byte[] body, JsonTypeInfo<T> reply) where T : class
    {
        try
        {
            return body.Length == 0 ? default : JsonSerializer.Deserialize(body, reply);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
