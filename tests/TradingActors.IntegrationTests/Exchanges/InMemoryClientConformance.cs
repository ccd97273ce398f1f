using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.IntegrationTests.Exchanges;

/// <summary>The in-memory simulated client, scripted into each condition.</summary>
public sealed class InMemoryClientConformance(ITestOutputHelper output) : ExchangeClientConformance(output)
{
    protected override Task<IExchangeClient> ExchangeIn(Condition condition)
    {
        var exchange = ScriptedExchange().WithPrice("BTCUSDT", 42_000);
        var fault = condition switch
        {
            Condition.Down => new SimulatedFault.Fail(FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted),
            Condition.OrdersFailAfterExecuting => new SimulatedFault.Fail(FailureKind.ServerError, ExecutionOutcome.Unknown),
            Condition.RateLimited => new SimulatedFault.Fail(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(1)),
            Condition.Malformed => new SimulatedFault.Fail(FailureKind.MalformedResponse),
            Condition.PoorAccount => new SimulatedFault.Reject(RejectionReason.InsufficientFunds),
            _ => (SimulatedFault?)null,
        };
        return Task.FromResult<IExchangeClient>(fault is null ? exchange : exchange.WithFault(CallFilter.All, fault));
    }
}
