using Akka.Configuration;

namespace TradingActors.Configuration;

/// <summary>The engine's settings, read and checked once at start from the <c>trading</c> section.</summary>
public sealed record TradingSettings(BreakerSettings Defaults, IReadOnlyDictionary<string, BreakerSettings> Exchanges)
{
    public const string Section = "trading";

    /// <summary>The engine's reference configuration (hocon/trading.conf): what a host's configuration falls back to.</summary>
    public static Config Reference { get; } = LoadReference();

    /// <summary>The settings of the reference configuration alone.</summary>
    public static TradingSettings DefaultSettings { get; } = From(Config.Empty);

    /// <summary>The settings of an exchange, or the defaults for an exchange that has no section of its own.</summary>
    public BreakerSettings For(string exchange) => Exchanges.TryGetValue(exchange, out var settings) ? settings : Defaults;

    /// <summary>Reads <paramref name="config"/> over the reference configuration; a bad value throws <see cref="SettingsException"/>.</summary>
    public static TradingSettings From(Config config)
    {
        var root = config.WithFallback(Reference);
        var defaults = new SettingsReader(root, $"{Section}.breaker-defaults");
        var exchanges = root.HasPath($"{Section}.exchanges")
            ? root.GetConfig($"{Section}.exchanges").AsEnumerable().Select(e => e.Key.Split('.')[0]).Distinct()
            : [];
        return new TradingSettings(
            BreakerSettings.Read(defaults),
            exchanges.ToDictionary(
                name => name,
                name => BreakerSettings.Read(new SettingsReader(root, $"{Section}.exchanges.{name}", defaults))));
    }

    private static Config LoadReference()
    {
        using var stream = typeof(TradingSettings).Assembly.GetManifestResourceStream("TradingActors.trading.conf")
                           ?? throw new InvalidOperationException("the engine's reference configuration is not embedded");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
