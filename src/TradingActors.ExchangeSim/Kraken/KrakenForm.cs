using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// A private call's form-encoded body, once its key, signature and nonce are checked and its cost is spent
/// on the key's call counter: the REST API's, or the trading engine's for AddOrder and CancelOrder.
/// </summary>
internal sealed class KrakenForm
{
    private readonly Dictionary<string, StringValues> _values;

    private KrakenForm(string apiKey, Dictionary<string, StringValues> values)
    {
        ApiKey = apiKey;
        _values = values;
    }

    public string ApiKey { get; }

    public static async Task<KrakenForm> AuthenticateAsync(HttpContext context, KrakenExchange kraken, ExchangeFaults faults, bool trading)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var values = QueryHelpers.ParseQuery(body);
        var apiKey = kraken.Keys.Authenticate(request.Headers["API-Key"].ToString(), request.Headers["API-Sign"].ToString(),
            request.Path.Value ?? "", body, values.TryGetValue("nonce", out var nonce) ? nonce.ToString() : null);
        var counter = trading ? kraken.TradingCounter : kraken.ApiCounter;
        if (!counter.TrySpend(apiKey, 1, faults.Current.WeightBudget ?? kraken.CounterMaximum))
            throw trading ? KrakenError.OrderRateLimitExceeded() : KrakenError.ApiRateLimitExceeded();
        return new KrakenForm(apiKey, values);
    }

    public string? Optional(string name) =>
        _values.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    public string Required(string name) => Optional(name) ?? throw KrakenError.InvalidArguments(name);

    public decimal RequiredDecimal(string name) =>
        decimal.TryParse(Required(name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw KrakenError.InvalidArguments(name);
}
