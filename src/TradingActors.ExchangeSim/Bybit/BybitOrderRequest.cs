using System.Globalization;
using System.Text.Json;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>A private POST's JSON body as Bybit reads it: an object of string fields; anything else is a parameter error.</summary>
internal sealed class BybitBody
{
    private readonly Dictionary<string, string> _fields;

    private BybitBody(Dictionary<string, string> fields) => _fields = fields;

    public static BybitBody Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw BybitError.ParameterError("the body is not a JSON object");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in document.RootElement.EnumerateObject())
            {
                if (field.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    throw BybitError.ParameterError($"{field.Name} is not a value");
                if (field.Value.ValueKind != JsonValueKind.Null)
                    fields[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
            }
            return new BybitBody(fields);
        }
        catch (JsonException)
        {
            throw BybitError.ParameterError("the body is not valid JSON");
        }
    }

    public string? Optional(string name) => _fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) => Optional(name) ?? throw BybitError.ParameterError($"{name} is required");
}

/// <summary>Reads Bybit's spot order fields into the market's dialect-neutral order, refusing a wrong form with 10001.</summary>
internal static class BybitOrderRequest
{
    private const int MaxOrderLinkIdLength = 36;

    public static OrderRequest Parse(BybitBody body, Market market)
    {
        Spot(body.Required("category"));
        var symbol = market.Symbol(body.Required("symbol"));
        var side = body.Required("side") switch
        {
            "Buy" => OrderSide.Buy,
            "Sell" => OrderSide.Sell,
            _ => throw BybitError.ParameterError("side invalid"),
        };
        var type = body.Required("orderType") switch
        {
            "Market" => OrderType.Market,
            "Limit" => OrderType.Limit,
            _ => throw BybitError.ParameterError("orderType invalid"),
        };
        var quantity = Amount(body.Required("qty"), "qty");
        // Bybit's spot defaults: a limit order rests (GTC), a market order takes what it can (IOC).
        var timeInForce = body.Optional("timeInForce") switch
        {
            null => type == OrderType.Limit ? TimeInForce.Gtc : TimeInForce.Ioc,
            "GTC" => TimeInForce.Gtc,
            "IOC" => TimeInForce.Ioc,
            "FOK" => TimeInForce.Fok,
            _ => throw BybitError.ParameterError("timeInForce invalid"),
        };
        var price = type == OrderType.Limit ? Amount(body.Required("price"), "price") : 0m;
        // A market buy's qty is in the quote coin unless the client says otherwise; the market keeps base quantities.
        if (type == OrderType.Market && side == OrderSide.Buy && (body.Optional("marketUnit") ?? "quoteCoin") == "quoteCoin")
            quantity = Math.Floor(quantity / market.PriceOf(symbol.Symbol) / symbol.StepSize) * symbol.StepSize;
        return new OrderRequest(symbol.Symbol, side, type, timeInForce, quantity, price, OrderLinkId(body.Optional("orderLinkId")));
    }

    /// <summary>The order a request names: by orderId, which wins, or by orderLinkId. An orderId that is not a number names no order.</summary>
    public static OrderReference? Reference(string? orderId, string? orderLinkId) =>
        (orderId, orderLinkId) switch
        {
            (null, null) => null,
            ({ } id, _) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? new OrderReference(number, null)
                : new OrderReference(-1, null),
            (null, { } link) => new OrderReference(null, link),
        };

    public static void Spot(string category)
    {
        if (category != "spot")
            throw BybitError.ParameterError($"category {category} is not served here: the simulator lists spot only");
    }

    private static decimal Amount(string text, string name) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? amount
            : throw BybitError.ParameterError($"{name} invalid");

    private static string? OrderLinkId(string? id) =>
        id is null || (id.Length <= MaxOrderLinkIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? id
            : throw BybitError.ParameterError("orderLinkId invalid");
}
