namespace TradingActors.ExchangeSim.Configuration;

/// <summary>The API an exchange speaks: its paths, signing, reply shapes, error codes and rate-limit reports.</summary>
public enum ExchangeDialect
{
    /// <summary>Binance spot: REST under /api/v3, trade streams under /ws, the WebSocket API under /ws-api/v3.</summary>
    Binance,

    /// <summary>Bybit v5: REST under /v5, public and private streams under /v5/public/spot and /v5/private.</summary>
    Bybit,

    /// <summary>Kraken spot: REST under /0/public and /0/private, WebSocket v2 under /v2.</summary>
    Kraken,
}
