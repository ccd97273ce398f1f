using Microsoft.AspNetCore.Builder;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>The exchange in Kraken's dialect.</summary>
internal static class KrakenApi
{
    public static void MapKraken(this WebApplication app)
    {
    }
}
