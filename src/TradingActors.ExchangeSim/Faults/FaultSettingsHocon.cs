using TradingActors.Configuration;

namespace TradingActors.ExchangeSim.Faults;

/// <summary>
/// The one vocabulary of faults, shared by the configuration file, the schedule and the admin endpoint:
/// each key is read from HOCON (JSON is HOCON too) and described back in the same words.
/// </summary>
internal static class FaultSettingsHocon
{
    private sealed record FaultKey(
        string Name,
        Func<SettingsReader, string, FaultSettings, FaultSettings> Read,
        Func<FaultSettings, object?> Describe);

    private static readonly FaultKey[] FaultKeys =
    [
        Duration("latency", f => f.Latency, (f, v) => f with { Latency = v }),
        Duration("jitter", f => f.Jitter, (f, v) => f with { Jitter = v }),
        Share("hang", f => f.Hang, (f, v) => f with { Hang = v }),
        Share("order-5xx", f => f.Order5xx, (f, v) => f with { Order5xx = v }),
        Share("order-5xx-after-execution", f => f.Order5xxAfterExecution, (f, v) => f with { Order5xxAfterExecution = v }),
        Share("other-5xx", f => f.Other5xx, (f, v) => f with { Other5xx = v }),
        Share("malformed", f => f.Malformed, (f, v) => f with { Malformed = v }),
        Duration("ghost-fill-delay", f => f.GhostFillDelay, (f, v) => f with { GhostFillDelay = v }),
        Duration("order-query-lag", f => f.OrderQueryLag, (f, v) => f with { OrderQueryLag = v }),
        Switch("outage", f => f.Outage, (f, v) => f with { Outage = v }),
        new("weight-budget",
            (section, key, f) => f with { WeightBudget = section.Int(key, min: 1) },
            f => f.WeightBudget),
        Switch("ws-drop", f => f.WsDrop, (f, v) => f with { WsDrop = v }),
        Switch("ws-stall", f => f.WsStall, (f, v) => f with { WsStall = v }),
        Share("ws-garbage", f => f.WsGarbage, (f, v) => f with { WsGarbage = v }),
        Switch("user-data-drop", f => f.UserDataDrop, (f, v) => f with { UserDataDrop = v }),
        Switch("user-data-stall", f => f.UserDataStall, (f, v) => f with { UserDataStall = v }),
    ];

    public static IEnumerable<string> Keys => FaultKeys.Select(key => key.Name);

    /// <summary>Reads the faults of a section; <paramref name="otherKeys"/> may sit beside them.</summary>
    public static FaultSettings Read(SettingsReader section, params string[] otherKeys)
    {
        section.RejectUnknownKeys(Keys.Concat(otherKeys));
        return FaultKeys.Aggregate(FaultSettings.None,
            (faults, key) => section.Has(key.Name) ? key.Read(section, key.Name, faults) : faults);
    }

    /// <summary>The faults that are set, by key, in the units the keys are written in.</summary>
    public static IReadOnlyDictionary<string, object> Describe(FaultSettings faults) =>
        FaultKeys
            .Select(key => (key.Name, Value: key.Describe(faults)))
            .Where(entry => entry.Value is not null)
            .ToDictionary(entry => entry.Name, entry => entry.Value!);

    private static FaultKey Duration(string name, Func<FaultSettings, TimeSpan> get, Func<FaultSettings, TimeSpan, FaultSettings> set) =>
        new(name,
            (section, key, f) => set(f, section.Duration(key, zeroAllowed: true)),
            f => get(f) > TimeSpan.Zero ? FormattableString.Invariant($"{get(f).TotalMilliseconds}ms") : null);

    private static FaultKey Share(string name, Func<FaultSettings, double> get, Func<FaultSettings, double, FaultSettings> set) =>
        new(name,
            (section, key, f) => set(f, section.Double(key, min: 0, max: 1)),
            f => get(f) > 0 ? get(f) : null);

    private static FaultKey Switch(string name, Func<FaultSettings, bool> get, Func<FaultSettings, bool, FaultSettings> set) =>
        new(name,
            (section, key, f) => set(f, section.Bool(key)),
            f => get(f) ? true : null);
}
