namespace TradingActors.ExchangeSim.Bybit;

/// <summary>
/// A refusal in Bybit's words: most are HTTP 200 with a non-zero <c>retCode</c> and its <c>retMsg</c>; the IP
/// limit is an HTTP 403 with a plain-text body. Thrown where the refusal is decided and written by <see cref="BybitGate"/>.
/// </summary>
internal sealed class BybitError(int status, int retCode, string message) : Exception(message)
{
    public int Status { get; } = status;
    public int RetCode { get; } = retCode;

    public static BybitError ServerTimeout() => new(200, 10000, "Server Timeout");

    public static BybitError ParameterError(string problem) => new(200, 10001, $"params error: {problem}");

    public static BybitError NotSupportedSymbols() => new(200, 10001, "Not supported symbols");

    public static BybitError OutsideRecvWindow(long timestamp, long serverTime, long recvWindow) => new(200, 10002,
        $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestamp}],server_timestamp[{serverTime}],recv_window[{recvWindow}]");

    public static BybitError InvalidApiKey() => new(200, 10003, "API key is invalid.");

    public static BybitError InvalidSign() => new(200, 10004, "Error sign, please check your signature generation algorithm.");

    public static BybitError TooManyVisits() => new(200, 10006, "Too many visits. Exceeded the API Rate Limit.");

    public static BybitError ServerError() => new(200, 10016, "Server error.");

    public static BybitError OrderDoesNotExist() => new(200, 110001, "Order does not exist.");

    public static BybitError InsufficientBalance() => new(200, 110007, "Insufficient available balance.");

    public static BybitError DuplicateOrderLinkId() => new(200, 110072, "OrderLinkedID is duplicate.");

    public static BybitError AccessTooFrequent() => new(403, 0, "access too frequent");

    /// <summary>
    /// The dialect-neutral market refuses in Binance's codes (its first dialect); these are the same refusals as Bybit
    /// words them. A code with no Bybit counterpart here is a parameter error, which is what Bybit calls the rest.
    /// </summary>
    public static BybitError From(ExchangeError error) => error.Code switch
    {
        -1121 => NotSupportedSymbols(),
        -2010 when error.Message.Contains("insufficient", StringComparison.OrdinalIgnoreCase) => InsufficientBalance(),
        -2010 when error.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) => DuplicateOrderLinkId(),
        -2011 or -2013 => OrderDoesNotExist(),
        _ => ParameterError(error.Message),
    };
}
