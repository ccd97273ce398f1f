using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using Microsoft.Extensions.Configuration;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Configuration.Options;
using TradingActors.Hosting;
using TradingActors.Orders;

namespace TradingActors.Tests.Configuration.Options;

/// <summary>
/// HOCON, options in code and a host's configuration are three spellings of one configuration (issue 13): for every setting
/// of the reference configuration, each gives the same settings.
/// </summary>
public sealed class EverySettingSpecs
{
    /// <summary>
    /// Every setting set to a value that shows: each defaults section's to one other than the reference's, and each exchange's
    /// or feed's own to one other than its defaults section's. binance sets each breaker, endpoint and feed setting itself;
    /// bybit's endpoint and feed and kraken's endpoint take theirs from the defaults sections. No ledger file: the journal is a plugin's.
    /// </summary>
    private const string EverySetting = """
        trading {
          breaker-defaults {
            failure-threshold = 7, success-threshold = 3, open-timeout = 20s, half-open-max-calls = 4, call-timeout = 4s
            half-open-max-time = 2m, open-timeout-factor = 1.5, max-open-timeout = 10m, open-timeout-jitter = 0.1, stable-period = 10m
            failure-policy = count-window, window-size = 20, window-duration = 20s, window-buckets = 5, minimum-calls = 4
            failure-rate-threshold = 40, slow-call-duration = 3s, slow-call-rate-threshold = 90, health-check = on
            max-concurrent-calls = 4, max-queued-calls = 2, max-retries = 2, retry-base-delay = 100ms, retry-max-delay = 2s
            retry-jitter = 0.1, metrics-only = on, cancels-when-open = on, cancels-per-second = 2.5
          }
          exchanges {
            binance {
              failure-threshold = 3, success-threshold = 1, open-timeout = 45s, half-open-max-calls = 2, call-timeout = 1500ms
              half-open-max-time = 90s, open-timeout-factor = 3, max-open-timeout = 15m, open-timeout-jitter = 0.25, stable-period = 1h
              failure-policy = time-window, window-size = 30, window-duration = 30s, window-buckets = 6, minimum-calls = 5
              failure-rate-threshold = 60.5, slow-call-duration = 2s, slow-call-rate-threshold = 80, health-check = off
              max-concurrent-calls = 6, max-queued-calls = 3, max-retries = 3, retry-base-delay = 150ms, retry-max-delay = 3s
              retry-jitter = 0.3, metrics-only = off, cancels-when-open = off, cancels-per-second = 7
              symbols = [BTCUSDT, ETHUSDT]
              endpoint {
                url = "http://127.0.0.1:9001", api-key = "binance key", api-secret = "binance \"secret\" = {x}"
                recv-window = 10s, connect-timeout = 1s, request-timeout = 5s, user-data-stream = on
                rate-budget = on, rate-headroom = 0.9, request-weight-limit = 1200, order-count-limit = 50, protocol = bybit
                api-counter-limit = 25, api-counter-decay = 1, trading-counter-limit = 100, trading-counter-decay = 3
                ws-api-url = "ws://127.0.0.1:9001/ws-api/v3", user-data-ping-interval = 15s, user-data-answer-timeout = 3s
                user-data-min-backoff = 100ms, user-data-max-backoff = 10s, user-data-backoff-jitter = 0.1
              }
            }
            bybit { endpoint { url = "http://127.0.0.1:9002", api-key = bybit-key, api-secret = bybit-secret, user-data-stream = on, protocol = binance } }
            kraken { endpoint {} }
          }
          routing.fallbacks { binance = [bybit, kraken] }
          alerts { interval = 30s, webhook-url = "https://alerts.example/hook", webhook-timeout = 1s }
          facade { answer-timeout = 15s, margin = 1s }
          orders {
            journal = akka.persistence.journal.inmem, snapshot-store = akka.persistence.snapshot-store.inmem
            sqlite-file = other-orders.db, sqlite-synchronous = normal, snapshot-every = 50, retention = 1m, remember-ids-for = 2d
            grace = 5s, max-queries = 3
            min-backoff = 250ms, max-backoff = 5s, check-interval = 10s, check-after = 20s, startup-timeout = 15s
          }
          cluster {
            enabled = on, hostname = "10.0.0.5", port = 4053, seed-nodes = ["akka.tcp://trading@10.0.0.4:4053"], roles = [trading, strategies]
            breaker-role = trading, hand-over-patience = 20s, state-timeout = 5s
          }
          endpoint-defaults {
            url = "https://defaults.example", api-key = default-key, api-secret = "ZGVmYXVsdC1zZWNyZXQ=", protocol = kraken
            recv-window = 3s, connect-timeout = 1200ms, request-timeout = 8s, user-data-stream = off
            rate-budget = off, rate-headroom = 0.7, request-weight-limit = 3000, order-count-limit = 20
            api-counter-limit = 20, api-counter-decay = 0.5, trading-counter-limit = 80, trading-counter-decay = 2
            ws-api-url = "wss://ws-api.example/ws-api/v3", user-data-ping-interval = 20s, user-data-answer-timeout = 5s
            user-data-min-backoff = 250ms, user-data-max-backoff = 20s, user-data-backoff-jitter = 0.3
          }
          feed-defaults {
            primary = "wss://primary.example/stream", backup = "wss://backup.example/stream", symbols = [BTCUSDT], protocol = kraken
            stale-after = 20s, connect-timeout = 3s, min-backoff = 250ms, max-backoff = 20s, backoff-jitter = 0.3
            failover-after-attempts = 3, failover-after = 20s, primary-probe-interval = 1m, read-ahead = 500, gap-report-interval = 5s
          }
          feeds {
            binance {
              primary = "wss://stream.binance.com:9443/stream", backup = "wss://data-stream.binance.vision/stream"
              protocol = bybit, symbols = [BTCUSDT, ETHUSDT], stale-after = 15s, connect-timeout = 4s, min-backoff = 750ms, max-backoff = 40s
              backoff-jitter = 0.1, failover-after-attempts = 4, failover-after = 40s, primary-probe-interval = 45s
              read-ahead = 2000, gap-report-interval = 2s
            }
            bybit {}
          }
        }
        """;

    /// <summary>Where each defaults section has an exchange or a feed that sets all of its settings itself.</summary>
    private static readonly Dictionary<string, string> OwnSection = new()
    {
        ["breaker-defaults"] = "exchanges.binance",
        ["endpoint-defaults"] = "exchanges.binance.endpoint",
        ["feed-defaults"] = "feeds.binance",
    };

    /// <summary>The sections whose keys are names (of exchanges, of feeds), kept as written in every spelling.</summary>
    private static readonly HashSet<string> SectionsOfNames = ["exchanges", "feeds", "fallbacks"];

    private static void EverySettingInCode(TradingOptions options)
    {
        options.BreakerDefaults = new BreakerOptions
        {
            FailureThreshold = 7, SuccessThreshold = 3, OpenTimeout = TimeSpan.FromSeconds(20), HalfOpenMaxCalls = 4,
            CallTimeout = TimeSpan.FromSeconds(4), HalfOpenMaxTime = TimeSpan.FromMinutes(2), OpenTimeoutFactor = 1.5,
            MaxOpenTimeout = TimeSpan.FromMinutes(10), OpenTimeoutJitter = 0.1, StablePeriod = TimeSpan.FromMinutes(10),
            FailurePolicy = FailurePolicy.CountWindow, WindowSize = 20, WindowDuration = TimeSpan.FromSeconds(20), WindowBuckets = 5,
            MinimumCalls = 4, FailureRateThreshold = 40, SlowCallDuration = TimeSpan.FromSeconds(3), SlowCallRateThreshold = 90,
            HealthCheck = true, MaxConcurrentCalls = 4, MaxQueuedCalls = 2, MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(2), RetryJitter = 0.1,
            MetricsOnly = true, CancelsWhenOpen = true, CancelsPerSecond = 2.5,
        };
        options.Alerts = new AlertsOptions
        {
            Interval = TimeSpan.FromSeconds(30), WebhookUrl = "https://alerts.example/hook", WebhookTimeout = TimeSpan.FromSeconds(1),
        };
        options.Facade = new FacadeOptions { AnswerTimeout = TimeSpan.FromSeconds(15), Margin = TimeSpan.FromSeconds(1) };
        options.Orders = new OrdersOptions
        {
            Journal = "akka.persistence.journal.inmem", SnapshotStore = "akka.persistence.snapshot-store.inmem",
            SqliteFile = "other-orders.db", SqliteSynchronous = SqliteSynchronous.Normal, SnapshotEvery = 50,
            Retention = TimeSpan.FromMinutes(1), RememberIdsFor = TimeSpan.FromDays(2), Grace = TimeSpan.FromSeconds(5),
            MaxQueries = 3, MinBackoff = TimeSpan.FromMilliseconds(250), MaxBackoff = TimeSpan.FromSeconds(5),
            CheckInterval = TimeSpan.FromSeconds(10), CheckAfter = TimeSpan.FromSeconds(20), StartupTimeout = TimeSpan.FromSeconds(15),
        };
        options.Cluster = new ClusterModeOptions
        {
            Enabled = true, Hostname = "10.0.0.5", Port = 4053, SeedNodes = ["akka.tcp://trading@10.0.0.4:4053"], Roles = ["trading", "strategies"],
            BreakerRole = "trading", HandOverPatience = TimeSpan.FromSeconds(20), StateTimeout = TimeSpan.FromSeconds(5),
        };
        options.EndpointDefaults = new EndpointOptions
        {
            Url = "https://defaults.example", ApiKey = "default-key", ApiSecret = "ZGVmYXVsdC1zZWNyZXQ=", Protocol = ExchangeProtocol.Kraken,
            RecvWindow = TimeSpan.FromSeconds(3), ConnectTimeout = TimeSpan.FromMilliseconds(1200), RequestTimeout = TimeSpan.FromSeconds(8),
            RateBudget = false, RateHeadroom = 0.7, RequestWeightLimit = 3000, OrderCountLimit = 20,
            ApiCounterLimit = 20, ApiCounterDecay = 0.5, TradingCounterLimit = 80, TradingCounterDecay = 2,
            UserDataStream = false, WsApiUrl = "wss://ws-api.example/ws-api/v3", UserDataPingInterval = TimeSpan.FromSeconds(20),
            UserDataAnswerTimeout = TimeSpan.FromSeconds(5), UserDataMinBackoff = TimeSpan.FromMilliseconds(250),
            UserDataMaxBackoff = TimeSpan.FromSeconds(20), UserDataBackoffJitter = 0.3,
        };
        options.FeedDefaults = new FeedOptions
        {
            Primary = "wss://primary.example/stream", Backup = "wss://backup.example/stream", Symbols = ["BTCUSDT"], Protocol = ExchangeProtocol.Kraken,
            StaleAfter = TimeSpan.FromSeconds(20), ConnectTimeout = TimeSpan.FromSeconds(3), MinBackoff = TimeSpan.FromMilliseconds(250),
            MaxBackoff = TimeSpan.FromSeconds(20), BackoffJitter = 0.3, FailoverAfterAttempts = 3, FailoverAfter = TimeSpan.FromSeconds(20),
            PrimaryProbeInterval = TimeSpan.FromMinutes(1), ReadAhead = 500, GapReportInterval = TimeSpan.FromSeconds(5),
        };
        options
            .Exchange("binance", binance =>
            {
                binance.FailureThreshold = 3;
                binance.SuccessThreshold = 1;
                binance.OpenTimeout = TimeSpan.FromSeconds(45);
                binance.HalfOpenMaxCalls = 2;
                binance.CallTimeout = TimeSpan.FromMilliseconds(1500);
                binance.HalfOpenMaxTime = TimeSpan.FromSeconds(90);
                binance.OpenTimeoutFactor = 3;
                binance.MaxOpenTimeout = TimeSpan.FromMinutes(15);
                binance.OpenTimeoutJitter = 0.25;
                binance.StablePeriod = TimeSpan.FromHours(1);
                binance.FailurePolicy = FailurePolicy.TimeWindow;
                binance.WindowSize = 30;
                binance.WindowDuration = TimeSpan.FromSeconds(30);
                binance.WindowBuckets = 6;
                binance.MinimumCalls = 5;
                binance.FailureRateThreshold = 60.5;
                binance.SlowCallDuration = TimeSpan.FromSeconds(2);
                binance.SlowCallRateThreshold = 80;
                binance.HealthCheck = false;
                binance.MaxConcurrentCalls = 6;
                binance.MaxQueuedCalls = 3;
                binance.MaxRetries = 3;
                binance.RetryBaseDelay = TimeSpan.FromMilliseconds(150);
                binance.RetryMaxDelay = TimeSpan.FromSeconds(3);
                binance.RetryJitter = 0.3;
                binance.MetricsOnly = false;
                binance.CancelsWhenOpen = false;
                binance.CancelsPerSecond = 7;
                binance.Symbols = ["BTCUSDT", "ETHUSDT"];
                binance.Endpoint = new EndpointOptions
                {
                    Url = "http://127.0.0.1:9001", ApiKey = "binance key", ApiSecret = "binance \"secret\" = {x}",
                    RecvWindow = TimeSpan.FromSeconds(10), ConnectTimeout = TimeSpan.FromSeconds(1), RequestTimeout = TimeSpan.FromSeconds(5),
                    RateBudget = true, RateHeadroom = 0.9, RequestWeightLimit = 1200, OrderCountLimit = 50, Protocol = ExchangeProtocol.Bybit,
                    ApiCounterLimit = 25, ApiCounterDecay = 1, TradingCounterLimit = 100, TradingCounterDecay = 3,
                    UserDataStream = true, WsApiUrl = "ws://127.0.0.1:9001/ws-api/v3", UserDataPingInterval = TimeSpan.FromSeconds(15),
                    UserDataAnswerTimeout = TimeSpan.FromSeconds(3), UserDataMinBackoff = TimeSpan.FromMilliseconds(100),
                    UserDataMaxBackoff = TimeSpan.FromSeconds(10), UserDataBackoffJitter = 0.1,
                };
            })
            .Exchange("bybit", bybit => bybit.Endpoint = new()
            {
                Url = "http://127.0.0.1:9002", ApiKey = "bybit-key", ApiSecret = "bybit-secret", UserDataStream = true, Protocol = ExchangeProtocol.Binance,
            })
            .Exchange("kraken", kraken => kraken.Endpoint = new())
            .Fallbacks("binance", "bybit", "kraken")
            .Feed("binance", feed =>
            {
                feed.Primary = "wss://stream.binance.com:9443/stream";
                feed.Backup = "wss://data-stream.binance.vision/stream";
                feed.Symbols = ["BTCUSDT", "ETHUSDT"];
                feed.Protocol = ExchangeProtocol.Bybit;
                feed.StaleAfter = TimeSpan.FromSeconds(15);
                feed.ConnectTimeout = TimeSpan.FromSeconds(4);
                feed.MinBackoff = TimeSpan.FromMilliseconds(750);
                feed.MaxBackoff = TimeSpan.FromSeconds(40);
                feed.BackoffJitter = 0.1;
                feed.FailoverAfterAttempts = 4;
                feed.FailoverAfter = TimeSpan.FromSeconds(40);
                feed.PrimaryProbeInterval = TimeSpan.FromSeconds(45);
                feed.ReadAhead = 2000;
                feed.GapReportInterval = TimeSpan.FromSeconds(2);
            })
            .Feed("bybit", _ => { });
    }

    [Fact]
    public void Every_setting_gives_the_same_settings_in_HOCON_in_code_and_in_a_hosts_configuration()
    {
        var hocon = ConfigurationFactory.ParseString(EverySetting);
        Assert.Empty(SettingsNotShown(hocon));
        Assert.Empty(OptionsNotSet(EverySettingInCode));

        var fromHocon = OptionsRoute.Settings(akka => akka.WithTradingEngine(hocon));
        var inCode = OptionsRoute.Settings(akka => akka.WithTradingEngine(EverySettingInCode));
        var fromConfiguration = OptionsRoute.Settings(akka => akka.WithTradingEngine(Configuration(hocon).GetSection("Trading")));

        Assert.Equal(Json(fromHocon), Json(inCode));
        Assert.Equal(Json(fromHocon), Json(fromConfiguration));
    }

    /// <summary>
    /// Each setting of the reference configuration that <paramref name="hocon"/> does not set to a value that shows, in each
    /// defaults section and in the exchange's or feed's own section beside it. A setting added to hocon/trading.conf is listed
    /// here until the example sets it, and then the code route must set it too.
    /// </summary>
    private static IEnumerable<string> SettingsNotShown(Config hocon)
    {
        var reference = TradingSettings.Reference.GetConfig(TradingSettings.Section);
        var every = hocon.GetConfig(TradingSettings.Section);
        foreach (var setting in Leaves(reference.Root, ""))
        {
            if (!every.HasPath(setting) || Text(every.GetValue(setting)) == Text(reference.GetValue(setting)))
                yield return $"trading.{setting}";
            var section = setting.Split('.')[0];
            var own = OwnSection.TryGetValue(section, out var place) ? $"{place}{setting[section.Length..]}" : null;
            if (own is not null && (!every.HasPath(own) || Text(every.GetValue(own)) == Text(every.GetValue(setting))))
                yield return $"trading.{own}";
        }
    }

    /// <summary>Every setting's path under <paramref name="path"/>: a value, a list, or a section that is empty there (of names, to fill in).</summary>
    private static IEnumerable<string> Leaves(HoconValue value, string path) =>
        value.IsObject() && value.GetObject().Items.Count > 0
            ? value.GetObject().Items.SelectMany(item => Leaves(item.Value, path.Length == 0 ? item.Key : $"{path}.{item.Key}"))
            : [path];

    private static string Text(HoconValue value) => value.IsObject() || value.IsArray() ? value.ToString() : value.GetString();

    /// <summary>Each option that no section of its type sets in the options <paramref name="configure"/> sets: the code route would not prove it.</summary>
    private static IEnumerable<string> OptionsNotSet(Action<TradingOptions> configure)
    {
        var options = new TradingOptions();
        configure(options);
        var sections = new List<object>();
        Gather(options, sections);
        return sections.GroupBy(section => section.GetType())
            .SelectMany(type => type.Key.GetProperties()
                .Where(option => type.All(section => option.GetValue(section) is null))
                .Select(option => $"{type.Key.Name}.{option.Name}"));
    }

    private static void Gather(object section, List<object> sections)
    {
        sections.Add(section);
        foreach (var value in section.GetType().GetProperties().Select(option => option.GetValue(section)))
        {
            if (value is System.Collections.IDictionary named)
                foreach (var inner in named.Values.OfType<object>().Where(inner => inner.GetType().Namespace == typeof(TradingOptions).Namespace))
                    Gather(inner, sections);
            else if (value?.GetType().Namespace == typeof(TradingOptions).Namespace)
                Gather(value!, sections);
        }
    }

    /// <summary>
    /// <paramref name="hocon"/> as appsettings.json or environment variables would hold it: each key in PascalCase under <c>Trading</c>,
    /// names as written, a list by its indices, an empty section as a key without a value.
    /// </summary>
    private static IConfiguration Configuration(Config hocon) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Flattened(hocon.GetConfig(TradingSettings.Section).Root, "Trading", names: false))
            .Build();

    private static IEnumerable<KeyValuePair<string, string?>> Flattened(HoconValue value, string path, bool names)
    {
        if (value.IsObject() && value.GetObject().Items.Count > 0)
            return value.GetObject().Items.SelectMany(item =>
                Flattened(item.Value, $"{path}:{(names ? item.Key : Pascal(item.Key))}", SectionsOfNames.Contains(item.Key)));
        if (value.IsArray())
            return value.GetArray().SelectMany((item, index) => Flattened(item, $"{path}:{index}", names: false));
        return [KeyValuePair.Create(path, value.IsObject() ? null : value.GetString())];
    }

    private static string Pascal(string key) => string.Concat(key.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The settings as JSON with every object's keys in order, so that dictionaries filled in another order compare equal.</summary>
    private static string Json(TradingSettings settings) =>
        Ordered(JsonSerializer.SerializeToNode(settings))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonNode? Ordered(JsonNode? node) => node switch
    {
        JsonObject section => new JsonObject(section.OrderBy(item => item.Key, StringComparer.Ordinal)
            .Select(item => KeyValuePair.Create(item.Key, Ordered(item.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Ordered)]),
        _ => node?.DeepClone(),
    };
}
