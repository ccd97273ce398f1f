using TradingActors.Exchanges;
using Xunit.Sdk;

namespace TradingActors.IntegrationTests;

internal static class Replies
{
    /// <summary>The reply as <typeparamref name="T"/>, or a failure that shows the whole reply (its detail says why).</summary>
    public static T Is<T>(ExchangeReply reply) where T : ExchangeReply =>
        reply as T ?? throw new XunitException($"expected {typeof(T).Name}, got {reply}");
}
