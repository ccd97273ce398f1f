namespace TradingActors.ExchangeSim.Trading;

/// <summary>What happened to an order, in Binance's execution types.</summary>
internal enum ExecutionType { New, Trade, Canceled, Expired }

/// <summary>
/// One change of an order as the user data stream reports it: the order after the change, and the client
/// order id it is reported under. A cancel is reported under the cancel request's own id, with the
/// order's id as the original one, as Binance does; any other change under the order's id.
/// </summary>
/// <param name="ExecutionId">Grows by one with every change on the exchange.</param>
/// <param name="OriginalClientOrderId">The cancelled order's id on a cancel; empty otherwise.</param>
internal sealed record OrderUpdate(Order Order, ExecutionType Execution, long ExecutionId, string ClientOrderId, string OriginalClientOrderId);
