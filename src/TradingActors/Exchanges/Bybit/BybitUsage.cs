namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// The account's rate-limit usage as Bybit last reported it on a private reply (X-Bapi-Limit, X-Bapi-Limit-Status,
/// X-Bapi-Limit-Reset-Timestamp): the requests the limit allows, those left, and when it resets once spent
/// (while requests are left, Bybit reports the server's time there). Lets the engine slow down before the limit.
/// </summary>
public sealed record BybitUsage(int Limit, int Remaining, DateTimeOffset ResetsAt);
