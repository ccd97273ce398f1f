namespace TradingActors.ExchangeSim;

/// <summary>
/// An answer the exchange refuses with, in Binance's shape: an HTTP status and a body {"code":N,"msg":"..."}
/// (on the WebSocket API, the reply's status and its error). Thrown wherever the refusal is decided and
/// written by the API's gate, so handlers read as the happy path.
/// </summary>
internal sealed class ExchangeError(int status, int code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public int Code { get; } = code;

    public static ExchangeError TooManyRequests(int budget) => new(429, -1003,
        $"Too much request weight used; current limit is {budget} request weight per window. Please use WebSocket Streams for live updates to avoid polling the API.");

    public static ExchangeError Banned(DateTimeOffset until) => new(418, -1003,
        $"Way too much request weight used; IP banned until {until.ToUnixTimeMilliseconds()}. Please use WebSocket Streams for live updates to avoid bans.");

    public static ExchangeError BackendTimeout() => new(503, -1007,
        "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");

    public static ExchangeError UnknownMethod(string method) => new(400, -1020, $"Unknown method '{Echo.Bounded(method)}'.");

    public static ExchangeError FilterFailure(string filter) => new(400, -1013, $"Filter failure: {filter}");

    public static ExchangeError OutsideRecvWindow() => new(400, -1021,
        "Timestamp for this request is outside of the recvWindow.");

    // Binance answers a missing or unknown key with -2014/-2015; the engine's connector is written
    // against -1022 with 401 for every authentication refusal, so the simulator uses that code throughout.
    public static ExchangeError MissingApiKey() => new(401, -1022, "API-key format invalid.");

    public static ExchangeError UnknownApiKey() => new(401, -1022, "Invalid API-key, IP, or permissions for action.");

    public static ExchangeError MissingSignature() => new(401, -1022, "Signature for this request is not valid.");

    public static ExchangeError InvalidSignature() => new(400, -1022, "Signature for this request is not valid.");

    public static ExchangeError IllegalCharacters(string parameter) => new(400, -1100,
        $"Illegal characters found in parameter '{parameter}'.");

    public static ExchangeError DuplicateParameter() => new(400, -1101, "Duplicate values for a parameter detected.");

    public static ExchangeError IllegalCharacters(string parameter, string legalRange) => new(400, -1100,
        $"Illegal characters found in parameter '{parameter}'; legal range is {legalRange}.");

    public static ExchangeError OptionalParametersCombination() => new(400, -1128, "Combination of optional parameters invalid.");

    public static ExchangeError MandatoryParameter(string parameter) => new(400, -1102,
        $"Mandatory parameter '{parameter}' was not sent, was empty/null, or malformed.");

    public static ExchangeError OrderReferenceMissing() => new(400, -1102,
        "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");

    public static ExchangeError ParameterNotRequired(string parameter) => new(400, -1106,
        $"Parameter '{parameter}' sent when not required.");

    public static ExchangeError InvalidTimeInForce() => new(400, -1115, "Invalid timeInForce.");

    public static ExchangeError InvalidOrderType() => new(400, -1116, "Invalid orderType.");

    public static ExchangeError InvalidSide() => new(400, -1117, "Invalid side.");

    public static ExchangeError InvalidSymbol() => new(400, -1121, "Invalid symbol.");

    public static ExchangeError InvalidJson() => new(400, -1135, "Invalid JSON Request");

    public static ExchangeError RecvWindowTooLarge() => new(400, -1131, "recvWindow must be less than 60000");

    public static ExchangeError InsufficientBalance() => new(400, -2010,
        "Account has insufficient balance for requested action.");

    public static ExchangeError DuplicateOrder() => new(400, -2010, "Duplicate order sent.");

    public static ExchangeError SubscriptionActive() => new(400, -2035, "User Data Stream subscription already active.");

    public static ExchangeError UnknownOrderSent() => new(400, -2011, "Unknown order sent.");

    public static ExchangeError OrderDoesNotExist() => new(400, -2013, "Order does not exist.");
}
