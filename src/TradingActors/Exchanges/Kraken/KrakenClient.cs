using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// An <see cref="IExchangeClient"/> for Kraken's spot REST API (and anything that speaks it, such as the project's
/// simulator). One pooled connection handler per exchange; private calls are form posts carrying a growing nonce,
/// the API-Key header and API-Sign. Orders carry the engine's client order id as Kraken's <c>cl_ord_id</c>, by which
/// they are found again. Every outcome becomes a reply kind: see <see cref="KrakenErrors"/>. Kraken sends no usage
/// header, so the rate budget is the client's own estimate of the key's call counters.
/// </summary>
public sealed class KrakenClient : IExchangeClient, IRateBudgeted, IDisposable
{
    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");

    // How often a call whose nonce was overtaken is made again before its refusal is the answer.
    private const int NonceAttempts = 5;

    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    // The decoded key, not an HMACSHA512 instance: an instance is not safe to use from two threads, and a host keeps
    // many signed requests in flight; the static HashData keeps no state between calls.
    private readonly byte[] _secret;
    private readonly KrakenNonce _nonce;
    private readonly CallCounterEstimate _apiCounter;
    private readonly CallCounterEstimate _tradingCounter;
    private readonly double? _headroom;

    public KrakenClient(KrakenSettings settings, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _secret = Convert.FromBase64String(settings.ApiSecret);
        _nonce = new KrakenNonce(_clock);
        _apiCounter = new CallCounterEstimate(settings.ApiCounterLimit, settings.ApiCounterDecayPerSecond, _clock);
        _tradingCounter = new CallCounterEstimate(settings.TradingCounterLimit, settings.TradingCounterDecayPerSecond, _clock);
        _headroom = (double?)settings.RateHeadroom;
        _http = settings.NewHttpClient();
        _http.DefaultRequestHeaders.Add("API-Key", settings.ApiKey);
        // Kraken refuses a request that names no user agent.
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("TradingActors", "1"));
    }

    /// <summary>The client's estimate of the key's call counters now, to throttle by before Kraken refuses.</summary>
    public KrakenUsage Usage => new(_apiCounter.Level, _apiCounter.Maximum, _tradingCounter.Level, _tradingCounter.Maximum);

    // Orders and cancels spend the trading counter, up to its maximum; a status query may take two private calls (open
    // orders, then closed ones) out of the API counter's headroom. Prices and pings are public: Kraken limits them by
    // address, not by key, and they spend neither.
    public RateBudgetExhausted? Admit(ExchangeRequest request)
    {
        if (_headroom is not { } headroom)
            return null;
        var (counter, cost, share) = request switch
        {
            PlaceOrder or CancelOrder => (_tradingCounter, 1, 1),
            GetOrderStatus => (_apiCounter, 2, headroom),
            GetOpenOrders => (_apiCounter, 1, headroom),
            _ => (null, 0, 1d),
        };
        if (counter is null || counter.UntilRoomFor(cost, share) is not { Ticks: > 0 } wait)
            return null;
        var name = counter == _tradingCounter ? "trading" : "API";
        return new RateBudgetExhausted(request, wait, share < 1
            ? $"the {name} counter is at {counter.Level:0.#} of {counter.Maximum:0.#}: past the {share * 100:0.#}% that queries may use, the rest kept for orders"
            : $"the {name} counter is at {counter.Level:0.#} of {counter.Maximum:0.#}");
    }

    public async ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation)
    {
        var added = await Send(Signed("/0/private/AddOrder", (ref KrakenForm form) =>
        {
            form.Add("ordertype", order.LimitPrice is null ? "market" : "limit");
            form.Add("pair", KrakenPairs.PairOf(order.Symbol));
            if (order.LimitPrice is { } price)
                form.Add("price", price);
            form.Add("type", order.Side == OrderSide.Buy ? "buy" : "sell");
            form.Add("volume", order.Quantity);
            form.Add("cl_ord_id", order.ClientOrderId);
        }), KrakenJson.Default.ReplyAddedOrder, _tradingCounter, isOrder: true, cancellation);
        var txid = added.TxId.Count > 0 ? added.TxId[0]
            : throw new ExchangeFailureException(FailureKind.MalformedResponse, ExecutionOutcome.Unknown, "AddOrder answered no txid");
        // AddOrder says nothing of the order's state: it is read back. Once Kraken has taken the order, a read-back that
        // fails does not undo that, so the order is then reported as accepted, and its fill comes later.
        try
        {
            return (await QueryOrder(txid, cancellation)).ToReport(txid, order.ClientOrderId) with { Symbol = order.Symbol };
        }
        catch (Exception e) when (ReadBackFailed(e, cancellation))
        {
            return new OrderReport(order.ClientOrderId, txid, order.Symbol, order.Side, OrderState.New, order.Quantity, 0, null);
        }
    }

    public async ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation)
    {
        await Send(Signed("/0/private/CancelOrder", (ref KrakenForm form) => form.Add("cl_ord_id", cancel.ClientOrderId)),
            KrakenJson.Default.ReplyCancelledOrders, _tradingCounter, isOrder: false, cancellation);
        // CancelOrder answers a count; the cancelled order, with what filled of it before, is read back. Once the cancel
        // went through, a read-back that fails says nothing of the order's state: the outcome is unknown.
        OrderReport? closed;
        try
        {
            closed = await FindClosed(cancel.ClientOrderId, cancellation);
        }
        catch (Exception e) when (ReadBackFailed(e, cancellation))
        {
            throw new ExchangeFailureException(FailureKind.ServerError, ExecutionOutcome.Unknown, $"cancelled, but not read back: {e.Message}", inner: e);
        }
        return closed is null
            ? throw new ExchangeFailureException(FailureKind.MalformedResponse, ExecutionOutcome.Unknown, "cancelled, but ClosedOrders does not show the order")
            : closed with { Symbol = cancel.Symbol };
    }

    /// <summary>Kraken finds an order by cl_ord_id in its open orders or its closed ones; QueryOrders wants a txid.</summary>
    public async ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation)
    {
        var open = await Send(Signed("/0/private/OpenOrders", (ref KrakenForm form) => form.Add("cl_ord_id", query.ClientOrderId)),
            KrakenJson.Default.ReplyOpenOrders, _apiCounter, isOrder: false, cancellation);
        var found = open.Open.Select(entry => entry.Value.ToReport(entry.Key, query.ClientOrderId)).FirstOrDefault()
            ?? await FindClosed(query.ClientOrderId, cancellation)
            ?? throw new ExchangeRejectionException(RejectionReason.UnknownOrder, $"no order with cl_ord_id {query.ClientOrderId}");
        return found with { Symbol = query.Symbol };
    }

    /// <summary>A token for one WebSocket connection's private channels (GetWebSocketsToken): good for 15 minutes to subscribe with.</summary>
    public async Task<string> GetWebSocketsTokenAsync(CancellationToken cancellation)
    {
        var token = await Send(Signed("/0/private/GetWebSocketsToken", static (ref KrakenForm _) => { }), KrakenJson.Default.ReplyWebSocketsToken,
            _apiCounter, isOrder: false, cancellation);
        return token.Token;
    }

    public async ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation)
    {
        var open = await Send(Signed("/0/private/OpenOrders", static (ref KrakenForm _) => { }), KrakenJson.Default.ReplyOpenOrders, _apiCounter,
            isOrder: false, cancellation);
        return open.Open.Select(entry => entry.Value.ToReport(entry.Key)).ToList();
    }

    public async ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation)
    {
        var pair = KrakenPairs.PairOf(query.Symbol);
        var tickers = await Send(() => new HttpRequestMessage(HttpMethod.Get, $"/0/public/Ticker?pair={Uri.EscapeDataString(pair)}"),
            KrakenJson.Default.ReplyDictionaryStringTicker, null, isOrder: false, cancellation);
        // Keyed by the pair's name, which for older pairs is not the one asked for (XXBTZUSD for XBTUSD): one pair asked, one answered.
        var ticker = tickers.GetValueOrDefault(pair) ?? (tickers.Count == 1 ? tickers.Values.First() : null);
        return ticker is { LastTrade.Count: > 0 } ? ticker.LastTrade[0]
            : throw new ExchangeFailureException(FailureKind.MalformedResponse, ExecutionOutcome.NotExecuted, $"no last trade for {pair}");
    }

    public async ValueTask PingAsync(CancellationToken cancellation) =>
        await Send(static () => new HttpRequestMessage(HttpMethod.Get, "/0/public/Time"), KrakenJson.Default.ReplyServerTime, null, isOrder: false, cancellation);

    public void Dispose() => _http.Dispose();

    /// <summary>Writes a private call's parameters after its nonce.</summary>
    private delegate void FormFields(ref KrakenForm form);

    private async Task<KrakenReplies.Order> QueryOrder(string txid, CancellationToken cancellation)
    {
        var orders = await Send(Signed("/0/private/QueryOrders", (ref KrakenForm form) => form.Add("txid", txid)),
            KrakenJson.Default.ReplyDictionaryStringOrder, _apiCounter, isOrder: false, cancellation);
        return orders.GetValueOrDefault(txid)
            ?? throw new ExchangeFailureException(FailureKind.MalformedResponse, ExecutionOutcome.NotExecuted, $"QueryOrders did not answer {txid}");
    }

    private async Task<OrderReport?> FindClosed(string clientOrderId, CancellationToken cancellation)
    {
        var closed = await Send(Signed("/0/private/ClosedOrders", (ref KrakenForm form) => form.Add("cl_ord_id", clientOrderId)),
            KrakenJson.Default.ReplyClosedOrders, _apiCounter, isOrder: false, cancellation);
        return closed.Closed.Select(entry => entry.Value.ToReport(entry.Key, clientOrderId)).FirstOrDefault();
    }

    // What a read-back may fail with once the call it follows has succeeded: anything but the caller giving up.
    private static bool ReadBackFailed(Exception error, CancellationToken cancellation) =>
        error is ExchangeRejectionException or ExchangeFailureException or HttpRequestException
        || (error is OperationCanceledException && !cancellation.IsCancellationRequested);

    /// <summary>A private call to <paramref name="path"/> with <paramref name="fields"/>, stamped with a new nonce and signed each time it is made.</summary>
    private Func<HttpRequestMessage> Signed(string path, FormFields fields) => () =>
    {
        var form = new KrakenForm(_nonce.Next());
        fields(ref form);
        var signature = form.Sign(path, _secret);
        var body = new ByteArrayContent(form.Body());
        body.Headers.ContentType = Form;
        form.Dispose();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Add("API-Sign", signature);
        return request;
    };

    /// <param name="counter">The call counter the call adds to; null for a public call, which Kraken limits by address instead.</param>
    private async Task<T> Send<T>(Func<HttpRequestMessage> call, JsonTypeInfo<KrakenReplies.Reply<T>> reply, CallCounterEstimate? counter, bool isOrder,
        CancellationToken cancellation)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = call();
            counter?.Spend(1);
            using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            if (TryParse(body, KrakenJson.Default.Errors)?.Error is { Count: > 0 } errors)
            {
                // Calls in flight together reach Kraken in any order, and a nonce overtaken by a later one is refused before
                // anything runs: sent again with a new nonce, it cannot be doubled.
                if (errors[0] == KrakenErrors.InvalidNonce && attempt < NonceAttempts)
                    continue;
                throw KrakenErrors.From(response.StatusCode, errors, counter, isOrder, _clock);
            }
            if (!response.IsSuccessStatusCode)
                throw KrakenErrors.FromStatus(response.StatusCode, Excerpt(body), isOrder);
            return TryParse(body, reply)?.Result ?? throw new ExchangeFailureException(FailureKind.MalformedResponse,
                isOrder ? ExecutionOutcome.Unknown : ExecutionOutcome.NotExecuted,
                $"unreadable reply from {request.RequestUri?.AbsolutePath}: {Excerpt(body)}");
        }
    }

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
