using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// An <see cref="IExchangeClient"/> for Bybit's v5 spot REST API (and anything that speaks it, such as the project's
/// simulator). One pooled connection handler per exchange; private endpoints carry the key, the timestamp, the recv
/// window and the HMAC-SHA256 signature in X-BAPI headers. Orders are named by orderLinkId, the engine's client order id.
/// Creating or cancelling an order answers only its ids, so the client reads the order back to report its state.
/// Every outcome becomes a reply kind: see <see cref="BybitErrors"/>.
/// </summary>
public sealed class BybitClient : IExchangeClient, IRateBudgeted, IDisposable
{
    private const int PageSize = 50;
    private static readonly MediaTypeHeaderValue JsonBody = new("application/json");

    private readonly BybitSettings _settings;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly string _recvWindow;
    // The key, not an HMACSHA256 instance: an instance is not safe to use from two threads, and a host keeps
    // many signed requests in flight; the static HashData keeps no state between calls.
    private readonly byte[] _secret;
    private volatile BybitUsage? _usage;
    private readonly RateBudget? _budget;

    public BybitClient(BybitSettings settings, TimeProvider? clock = null)
    {
        _settings = settings;
        _clock = clock ?? TimeProvider.System;
        _secret = Encoding.UTF8.GetBytes(settings.ApiSecret);
        _budget = settings.RateHeadroom is { } headroom ? new RateBudget(headroom, _clock) : null;
        _http = settings.NewHttpClient();
        _recvWindow = RecvWindowMillis.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The account's rate-limit usage from the latest private reply that reported it; null before the first.</summary>
    public BybitUsage? Usage => _usage;

    // Each call counts one against the limit Bybit reports; an order and a cancel are two, with the read-back after them.
    public RateBudgetExhausted? Admit(ExchangeRequest request) => _budget?.Admit(request, request is PlaceOrder or CancelOrder ? 2 : 1);

    public async ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("category", "spot");
            json.WriteString("symbol", order.Symbol);
            json.WriteString("side", order.Side == OrderSide.Buy ? "Buy" : "Sell");
            json.WriteString("orderType", order.LimitPrice is null ? "Market" : "Limit");
            json.WriteString("qty", PlainDecimal.Format(order.Quantity));
            // The engine's quantities are in the base coin; a market buy's would be read in the quote coin without it.
            if (order.LimitPrice is null)
                json.WriteString("marketUnit", "baseCoin");
            if (order.LimitPrice is { } price)
            {
                json.WriteString("price", PlainDecimal.Format(price));
                json.WriteString("timeInForce", "GTC");
            }
            json.WriteString("orderLinkId", order.ClientOrderId);
            json.WriteEndObject();
        }
        var ids = await Send(Post("v5/order/create", body.WrittenMemory), BybitJson.Default.EnvelopeOrderIds, isOrder: true, cancellation);
        try
        {
            return await FindAsync(order.Symbol, order.ClientOrderId, cancellation) ?? Acknowledged(order, ids);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            // The order is placed: a read-back that fails must not turn that into a failure to place it. The ledger
            // learns the fill by asking again, or from the exchange's stream.
            return Acknowledged(order, ids);
        }
    }

    public async ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation)
    {
        var body = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("category", "spot");
            json.WriteString("symbol", cancel.Symbol);
            json.WriteString("orderLinkId", cancel.ClientOrderId);
            json.WriteEndObject();
        }
        await Send(Post("v5/order/cancel", body.WrittenMemory), BybitJson.Default.EnvelopeOrderIds, isOrder: false, cancellation);
        OrderReport? report;
        try
        {
            report = await FindAsync(cancel.Symbol, cancel.ClientOrderId, cancellation);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            // Cancelled for sure, so whatever stopped the read-back is not the cancel's outcome: its final state (and
            // any fill before the cancel) is what is not known.
            throw new ExchangeFailureException(FailureKind.ServerError, ExecutionOutcome.Unknown,
                $"order {cancel.ClientOrderId} was cancelled, but its state could not be read back: {error.Message}", inner: error);
        }
        return report ?? throw new ExchangeFailureException(FailureKind.ServerError, ExecutionOutcome.Unknown,
            $"order {cancel.ClientOrderId} was cancelled, and then not found");
    }

    public async ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) =>
        await FindAsync(query.Symbol, query.ClientOrderId, cancellation)
        ?? throw new ExchangeRejectionException(RejectionReason.UnknownOrder, $"order {query.ClientOrderId} is not known to the exchange");

    public async ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation)
    {
        var reports = new List<OrderReport>();
        string? cursor = null;
        do
        {
            // The cursor comes back from Bybit already escaped for a query string.
            var page = await Send(Realtime(cursor is null ? $"category=spot&limit={PageSize}" : $"category=spot&limit={PageSize}&cursor={cursor}"),
                BybitJson.Default.EnvelopeOrderPage, isOrder: false, cancellation);
            reports.AddRange(page.List.Select(order => order.ToReport()));
            var next = page.NextPageCursor is { Length: > 0 } given ? given : null;
            if (next is not null && next == cursor)
                throw new ExchangeFailureException(FailureKind.MalformedResponse, ExecutionOutcome.NotExecuted, $"the open orders' page after {cursor} is itself");
            cursor = next;
        }
        while (cursor is not null);
        return reports;
    }

    public async ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"v5/market/tickers?category=spot&symbol={Uri.EscapeDataString(query.Symbol)}");
        var tickers = await Send(request, BybitJson.Default.EnvelopeTickers, isOrder: false, cancellation);
        return tickers.List.FirstOrDefault(ticker => ticker.Symbol == query.Symbol)?.LastPrice
            ?? throw new ExchangeFailureException(FailureKind.MalformedResponse, ExecutionOutcome.NotExecuted, $"no ticker for {query.Symbol} in the reply");
    }

    public async ValueTask PingAsync(CancellationToken cancellation) =>
        await Send(new HttpRequestMessage(HttpMethod.Get, "v5/market/time"), BybitJson.Default.EnvelopeServerTime, isOrder: false, cancellation);

    public void Dispose() => _http.Dispose();

    /// <summary>The order with that orderLinkId, open or not; null when the exchange does not know it (Bybit lists none).</summary>
    private async Task<OrderReport?> FindAsync(string symbol, string clientOrderId, CancellationToken cancellation)
    {
        var page = await Send(Realtime($"category=spot&symbol={Uri.EscapeDataString(symbol)}&orderLinkId={Uri.EscapeDataString(clientOrderId)}"),
            BybitJson.Default.EnvelopeOrderPage, isOrder: false, cancellation);
        return page.List.FirstOrDefault(order => order.OrderLinkId == clientOrderId)?.ToReport();
    }

    private static OrderReport Acknowledged(PlaceOrder order, BybitReplies.OrderIds ids) =>
        new(order.ClientOrderId, ids.OrderId, order.Symbol, order.Side, OrderState.New, order.Quantity, 0, null);

    /// <summary>A signed GET /v5/order/realtime, the one private GET the client sends.</summary>
    private HttpRequestMessage Realtime(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"v5/order/realtime?{query}");
        Stamp(request, BybitSigning.Sign(_secret, Now(out var timestamp), _settings.ApiKey, RecvWindowMillis, query), timestamp);
        return request;
    }

    private HttpRequestMessage Post(string path, ReadOnlyMemory<byte> json)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = JsonBody;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        Stamp(request, BybitSigning.Sign(_secret, Now(out var timestamp), _settings.ApiKey, RecvWindowMillis, json.Span), timestamp);
        return request;
    }

    private long RecvWindowMillis => (long)_settings.RecvWindow.TotalMilliseconds;

    private long Now(out string text)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        text = now.ToString(CultureInfo.InvariantCulture);
        return now;
    }

    // Only private requests carry the key: a public one has nothing to sign.
    private void Stamp(HttpRequestMessage request, string signature, string timestamp)
    {
        request.Headers.TryAddWithoutValidation("X-BAPI-API-KEY", _settings.ApiKey);
        request.Headers.TryAddWithoutValidation("X-BAPI-RECV-WINDOW", _recvWindow);
        request.Headers.TryAddWithoutValidation("X-BAPI-TIMESTAMP", timestamp);
        request.Headers.TryAddWithoutValidation("X-BAPI-SIGN", signature);
    }

    private async Task<T> Send<T>(HttpRequestMessage request, JsonTypeInfo<BybitReplies.Envelope<T>> reply, bool isOrder, CancellationToken cancellation)
        where T : class
    {
        using (request)
        {
            var sent = _budget?.Charged;
            using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            Track(response.Headers, sent);
            if (!response.IsSuccessStatusCode)
                throw BybitErrors.FromStatus(response.StatusCode, Excerpt(body), response.Headers, isOrder);
            var status = TryParse(body, BybitJson.Default.Status) ?? throw Malformed(request, body, isOrder);
            if (status.RetCode != 0)
                throw BybitErrors.FromRetCode(status.RetCode, status.RetMsg, response.Headers, isOrder, _clock.GetUtcNow());
            return TryParse(body, reply)?.Result ?? throw Malformed(request, body, isOrder);
        }
    }

    private void Track(HttpResponseHeaders headers, RateBudget.Mark? sent)
    {
        if (BybitHeaders.Number(headers, "X-Bapi-Limit") is not { } limit
            || BybitHeaders.Number(headers, "X-Bapi-Limit-Status") is not { } remaining
            || BybitHeaders.Number(headers, "X-Bapi-Limit-Reset-Timestamp") is not { } reset)
            return;
        var usage = _usage = new BybitUsage((int)limit, (int)remaining, DateTimeOffset.FromUnixTimeMilliseconds(reset));
        // While requests are left Bybit reports its own time as the reset, not when the window frees; its limits count
        // per second, so the report holds for a second.
        var now = _clock.GetUtcNow();
        if (sent is { } mark)
            _budget!.ReportRequests(new RateUsage(limit - remaining, limit, usage.ResetsAt > now ? usage.ResetsAt : now.AddSeconds(1)), mark);
    }

    // The request's URI is absolute once sent: HttpClient resolves it against the base address.
    private static ExchangeFailureException Malformed(HttpRequestMessage request, byte[] body, bool isOrder) =>
        new(FailureKind.MalformedResponse, isOrder ? ExecutionOutcome.Unknown : ExecutionOutcome.NotExecuted,
            $"unreadable reply from {request.RequestUri?.AbsolutePath}: {Excerpt(body)}");

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
