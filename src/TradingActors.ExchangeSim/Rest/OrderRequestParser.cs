using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>Reads a new order from its parameters and refuses it, with Binance's codes, when its form is wrong.</summary>
internal static class OrderRequestParser
{
    private const int MaxClientOrderIdLength = 36;

    public static OrderRequest Parse(RequestParameters parameters, Market market)
    {
        var symbol = market.Symbol(parameters.Required("symbol")).Symbol;
        var side = Wire.Parse<OrderSide>(parameters.Required("side")) ?? throw ExchangeError.InvalidSide();
        var type = Wire.Parse<OrderType>(parameters.Required("type")) ?? throw ExchangeError.InvalidOrderType();
        var quantity = parameters.RequiredDecimal("quantity");
        var (timeInForce, price) = type == OrderType.Limit
            ? (Wire.Parse<TimeInForce>(parameters.Required("timeInForce")) ?? throw ExchangeError.InvalidTimeInForce(),
                parameters.RequiredDecimal("price"))
            : (TimeInForce.Gtc, NotSent(parameters, "price"));
        return new OrderRequest(symbol, side, type, timeInForce, quantity, price, ClientOrderId(parameters));
    }

    public static OrderReference Reference(RequestParameters parameters)
    {
        var reference = new OrderReference(parameters.OptionalWholeNumber("orderId"), parameters.Optional("origClientOrderId"));
        return reference is { OrderId: null, ClientOrderId: null } ? throw ExchangeError.OrderReferenceMissing() : reference;
    }

    private static decimal NotSent(RequestParameters parameters, string name) =>
        parameters.Optional(name) is null ? 0 : throw ExchangeError.ParameterNotRequired(name);

    private static string? ClientOrderId(RequestParameters parameters)
    {
        var id = parameters.Optional("newClientOrderId");
        return id is null || (id.Length <= MaxClientOrderIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? id
            : throw ExchangeError.IllegalCharacters("newClientOrderId");
    }
}
