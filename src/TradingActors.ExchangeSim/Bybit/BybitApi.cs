using Microsoft.AspNetCore.Builder;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>The exchange in Bybit's dialect.</summary>
internal static class BybitApi
{
    public static void MapBybit(this WebApplication app)
    {
    }
}
