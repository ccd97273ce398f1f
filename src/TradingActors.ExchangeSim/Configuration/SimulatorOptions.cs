using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Configuration;

/// <summary>What the simulator starts: its exchanges, how their markets move, and the fault schedule.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Seeds every random source (price walks, fault shares); the same seed replays the same market.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The bearer token the admin endpoint requires.</summary>
    public string AdminToken { get; init; } = "sim-admin";

    /// <summary>How often every price walk takes a step and publishes trades. Zero: only <see cref="SimulatedExchange.Tick"/> moves prices.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Price steps per second, each printing one trade per symbol, taken in a batch at each tick as many as are due
    /// by the time elapsed, so the rate is not bound to how often a timer fires. Zero: one step per tick. At most
    /// <see cref="MaxTradeRate"/>; needs a <see cref="TickInterval"/> above zero.
    /// </summary>
    public int TradeRate { get; init; }

    public const int MaxTradeRate = 1_000_000;

    /// <summary>The largest relative price move of one step (0.001 = 0.1 %).</summary>
    public decimal Volatility { get; init; } = 0.001m;

    /// <summary>How often the server pings each WebSocket (Binance: 20 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a WebSocket may leave a ping unanswered before the server drops it (Binance: 1 min).</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The exchanges to host, each on its own loopback port. Default: binance, bybit and kraken.</summary>
    public IReadOnlyList<ExchangeOptions> Exchanges { get; init; } =
        [new ExchangeOptions("binance"), new ExchangeOptions("bybit"), new ExchangeOptions("kraken")];

    /// <summary>Faults applied and cleared at fixed offsets from the start.</summary>
    public IReadOnlyList<ScheduledFault> Schedule { get; init; } = [];

    /// <summary>Where the simulator says which faults it applies; nothing is logged by default.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Reads the <c>exchange-sim</c> block of a HOCON text; a bad value throws a <see cref="TradingActors.Configuration.SettingsException"/>.</summary>
    public static SimulatorOptions FromHocon(string hocon) => HoconOptionsReader.Read(hocon);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(AdminToken, nameof(AdminToken));
        ArgumentOutOfRangeException.ThrowIfLessThan(TickInterval, TimeSpan.Zero, nameof(TickInterval));
        ArgumentOutOfRangeException.ThrowIfNegative(TradeRate, nameof(TradeRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TradeRate, MaxTradeRate, nameof(TradeRate));
        if (TradeRate > 0 && TickInterval == TimeSpan.Zero)
            throw new ArgumentException("A trade rate needs a tick interval above zero: its batches are taken at each tick.", nameof(TradeRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Volatility, nameof(Volatility));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingInterval, TimeSpan.Zero, nameof(PingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PongTimeout, TimeSpan.Zero, nameof(PongTimeout));
        if (Exchanges.Count == 0)
            throw new ArgumentException("At least one exchange is needed.", nameof(Exchanges));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in Exchanges)
        {
            if (!names.Add(exchange.Name))
                throw new ArgumentException($"Exchange '{exchange.Name}' is configured twice.", nameof(Exchanges));
            exchange.Validate();
        }
        foreach (var entry in Schedule)
        {
            if (!names.Contains(entry.Exchange))
                throw new ArgumentException($"The schedule names exchange '{entry.Exchange}', which is not configured.", nameof(Schedule));
            entry.Validate();
        }
    }
}
