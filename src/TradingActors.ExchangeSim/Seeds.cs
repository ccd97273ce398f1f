using System.Security.Cryptography;
using System.Text;

namespace TradingActors.ExchangeSim;

/// <summary>
/// Derives one independent seed per random source from the simulator's seed, so that the walk of
/// BTCUSDT on binance does not change when another symbol or exchange is added to the configuration.
/// </summary>
internal static class Seeds
{
    // A cryptographic hash only because string.GetHashCode differs from one process to the next.
    public static int For(int seed, params string[] parts) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{string.Join('/', parts)}")));
}
