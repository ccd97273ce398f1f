using Microsoft.AspNetCore.Http;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// A refusal in Kraken's words: an error string such as <c>EOrder:Insufficient funds</c> in the reply's
/// <c>error</c> array, with HTTP 200 as Kraken answers nearly every refusal, or a 5xx where the service failed.
/// Thrown wherever the refusal is decided and written by <see cref="KrakenGate"/>.
/// </summary>
internal sealed class KrakenError(string error, int status = StatusCodes.Status200OK) : Exception(error)
{
    public int Status { get; } = status;

    public static KrakenError InvalidArguments(string argument) => new($"EGeneral:Invalid arguments:{argument}");

    public static KrakenError UnknownAssetPair() => new("EQuery:Unknown asset pair");

    public static KrakenError InvalidKey() => new("EAPI:Invalid key");

    public static KrakenError InvalidSignature() => new("EAPI:Invalid signature");

    public static KrakenError InvalidNonce() => new("EAPI:Invalid nonce");

    public static KrakenError ApiRateLimitExceeded() => new("EAPI:Rate limit exceeded");

    public static KrakenError OrderRateLimitExceeded() => new("EOrder:Rate limit exceeded");

    public static KrakenError InsufficientFunds() => new("EOrder:Insufficient funds");

    public static KrakenError DuplicateOrder() => new("EOrder:Duplicate order");

    public static KrakenError UnknownOrder() => new("EOrder:Unknown order");

    public static KrakenError OrderMinimumNotMet() => new("EOrder:Order minimum not met");

    public static KrakenError CostMinimumNotMet() => new("EOrder:Cost minimum not met");

    public static KrakenError InvalidPrice() => new("EOrder:Invalid price");

    /// <summary>The service is down for this request; nothing was done.</summary>
    public static KrakenError Unavailable() => new("EService:Unavailable", StatusCodes.Status503ServiceUnavailable);

    /// <summary>The backend failed after it may have acted.</summary>
    public static KrakenError InternalError() => new("EGeneral:Internal error", StatusCodes.Status500InternalServerError);

    /// <summary>
    /// The dialect-neutral market refuses in Binance's codes; this is the same refusal as Kraken words it.
    /// </summary>
    public static KrakenError From(ExchangeError error) => error.Code switch
    {
        -1121 => UnknownAssetPair(),
        -1013 when error.Message.EndsWith("LOT_SIZE", StringComparison.Ordinal) => OrderMinimumNotMet(),
        -1013 when error.Message.EndsWith("NOTIONAL", StringComparison.Ordinal) => CostMinimumNotMet(),
        -1013 => InvalidPrice(),
        -2010 when error.Message.Contains("insufficient", StringComparison.OrdinalIgnoreCase) => InsufficientFunds(),
        -2010 => DuplicateOrder(),
        -2011 or -2013 => UnknownOrder(),
        _ when error.Status >= 500 => Unavailable(),
        _ => InvalidArguments(error.Message),
    };
}
