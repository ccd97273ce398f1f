using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace TradingActors.ExchangeSim.Configuration;

/// <summary>
/// A HOCON object that knows its own path, so that every value it reads is checked where it is read
/// and a bad one is reported with its full path (exchange-sim.exchanges.bybit.port) and the text found there.
/// </summary>
internal sealed class HoconSection
{
    private readonly Config _config;

    private HoconSection(Config config, string path)
    {
        _config = config;
        Path = path;
    }

    public string Path { get; }

    public IReadOnlyCollection<string> Keys => _config.Root.GetObject().Items.Keys;

    public static HoconSection Parse(string hocon)
    {
        try
        {
            return new HoconSection(ConfigurationFactory.ParseString(hocon), "");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw SimulatorConfigurationException.Unparsable(e);
        }
    }

    public bool Has(string key) => _config.HasPath(key);

    public bool HasSection(string key) => Has(key) && _config.GetValue(key).IsObject();

    public HoconSection Section(string key) =>
        HasSection(key) ? new HoconSection(_config.GetConfig(key), PathOf(key)) : throw Invalid(key, "an object { ... }");

    public IReadOnlyList<HoconSection> Sections(string key)
    {
        if (!Has(key) || !_config.GetValue(key).IsArray())
            throw Invalid(key, "a list [ { ... }, ... ]");
        var elements = _config.GetValue(key).GetArray();
        return elements.Select((element, index) => element.IsObject()
                ? new HoconSection(new Config(new HoconRoot(element)), $"{PathOf(key)}[{index}]")
                : throw new SimulatorConfigurationException($"{PathOf(key)}[{index}]", Describe(element), "an object { ... }"))
            .ToList();
    }

    public void RejectUnknownKeys(IEnumerable<string> known)
    {
        var unknown = Keys.Except(known).FirstOrDefault();
        if (unknown is not null)
            throw Invalid(unknown, $"one of the keys {string.Join(", ", known)}");
    }

    public string Text(string key, string fallback) =>
        Read(key, fallback, value => value.GetString(), text => text.Length > 0, "a non-empty string");

    public int WholeNumber(string key, int fallback, int min, int max) =>
        Read(key, fallback, value => value.GetInt(), number => number >= min && number <= max, $"a whole number from {min} to {max}");

    public decimal PositiveDecimal(string key, decimal fallback) =>
        Read(key, fallback, value => value.GetDecimal(), number => number > 0, "a number above 0");

    public decimal NonNegativeDecimal(string key, decimal fallback) =>
        Read(key, fallback, value => value.GetDecimal(), number => number >= 0, "a number of at least 0");

    public double Share(string key, double fallback) =>
        Read(key, fallback, value => value.GetDouble(), share => share is >= 0 and <= 1, "a share from 0 to 1");

    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Read(key, fallback, value => value.GetTimeSpan(allowInfinite: false), span => span >= TimeSpan.Zero, "a duration such as 250ms, 5s or 1m");

    public TimeSpan PositiveDuration(string key, TimeSpan fallback) =>
        Read(key, fallback, value => value.GetTimeSpan(allowInfinite: false), span => span > TimeSpan.Zero, "a duration above zero, such as 250ms, 5s or 1m");

    public bool Switch(string key, bool fallback) =>
        Read(key, fallback, value => value.GetBoolean(), _ => true, "on or off");

    public SimulatorConfigurationException Invalid(string key, string expected) =>
        new(PathOf(key), Has(key) ? Describe(_config.GetValue(key)) : "", expected);

    /// <summary>This section as a whole is wrong (for instance, empty where something is needed).</summary>
    public SimulatorConfigurationException Invalid(string expected) =>
        new(Path, Keys.Count == 0 ? "{ }" : "{ ... }", expected);

    private T Read<T>(string key, T fallback, Func<HoconValue, T> parse, Func<T, bool> isValid, string expected)
    {
        if (!Has(key))
            return fallback;
        var value = _config.GetValue(key);
        if (value.IsObject() || value.IsArray())
            throw Invalid(key, expected);
        T result;
        try
        {
            result = parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            throw Invalid(key, expected);
        }
        return isValid(result) ? result : throw Invalid(key, expected);
    }

    private string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private static string Describe(HoconValue value) =>
        value.IsObject() ? "{ ... }" : value.IsArray() ? "[ ... ]" : value.GetString() ?? "";
}
