using System.Buffers;

namespace TradingActors.Exchanges;

/// <summary>
/// The engine's own checks, made before a request reaches any exchange: a request that fails them
/// is answered as invalid and counted nowhere.
/// </summary>
internal static class RequestValidation
{
    // Binance's rule for client order ids, which most exchanges accept too.
    private const int MaxClientOrderIdLength = 36;
    private static readonly SearchValues<char> ClientOrderIdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:/");

    /// <summary>Why the request is invalid, or null when it may be sent.</summary>
    public static string? Problem(ExchangeRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Exchange))
            return "exchange is empty";
        return request switch
        {
            PlaceOrder order => SymbolProblem(order.Symbol)
                                ?? QuantityProblem(order.Quantity)
                                ?? PriceProblem(order.LimitPrice)
                                ?? ClientOrderIdProblem(order.ClientOrderId),
            CancelOrder cancel => SymbolProblem(cancel.Symbol) ?? ClientOrderIdProblem(cancel.ClientOrderId),
            GetOrderStatus query => SymbolProblem(query.Symbol) ?? ClientOrderIdProblem(query.ClientOrderId),
            GetPrice price => SymbolProblem(price.Symbol),
            _ => null,
        };
    }

    private static string? SymbolProblem(string symbol) =>
        string.IsNullOrWhiteSpace(symbol) ? "symbol is empty" : null;

    private static string? QuantityProblem(decimal quantity) =>
        quantity > 0 ? null : $"quantity must be positive, got {PlainDecimal.Format(quantity)}";

    private static string? PriceProblem(decimal? price) =>
        price is not { } limit || limit > 0 ? null : $"limit price must be positive, got {PlainDecimal.Format(limit)}";

    private static string? ClientOrderIdProblem(string id)
    {
        if (string.IsNullOrEmpty(id))
            return "client order id is empty";
        if (id.Length > MaxClientOrderIdLength)
            return $"client order id is longer than {MaxClientOrderIdLength} characters";
        return id.AsSpan().ContainsAnyExcept(ClientOrderIdChars)
            ? "client order id may hold only letters, digits and . _ - : /"
            : null;
    }
}
