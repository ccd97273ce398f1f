using System.Text.Json;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>
/// Answers the WebSocket API's requests {"id","method","params"}: ping, the user data subscriptions, and a
/// clear error for anything else. Each known method spends its Binance weight from the exchange's one
/// budget, the one REST spends too, as Binance counts both per IP.
/// </summary>
internal sealed class ApiRequests(Authenticator authenticator, WeightLimiter limiter, ExchangeFaults faults, TimeProvider clock)
{
    // "Request method names may be prefixed with explicit version", as in "v3/ping".
    private const string VersionPrefix = "v3/";

    private static readonly Dictionary<string, int> Weights = new()
    {
        ["ping"] = 1,
        ["session.subscriptions"] = 2,
        ["userDataStream.subscribe.signature"] = 2,
        ["userDataStream.unsubscribe"] = 2,
    };

    private static readonly JsonElement NoParams = JsonDocument.Parse("{}").RootElement;

    private sealed record Empty;

    private sealed record Subscription(int SubscriptionId);

    /// <summary>The frames that answer the request, in order: the reply, after any event the request ends a stream with.</summary>
    public IReadOnlyList<string> Answer(byte[] request, Subscriptions subscriptions)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request);
        }
        catch (JsonException)
        {
            return [ApiReplies.Failure(ApiReplies.NoId, ExchangeError.InvalidJson(), rateLimits: null)];
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return [ApiReplies.Failure(ApiReplies.NoId, ExchangeError.InvalidJson(), rateLimits: null)];
            var id = root.TryGetProperty("id", out var requestId) ? requestId.Clone() : ApiReplies.NoId;
            if (!root.TryGetProperty("method", out var name) || name.ValueKind != JsonValueKind.String)
                return [ApiReplies.Failure(id, ExchangeError.MandatoryParameter("method"), rateLimits: null)];
            var method = name.GetString()!;
            method = method.StartsWith(VersionPrefix, StringComparison.Ordinal) ? method[VersionPrefix.Length..] : method;
            if (!Weights.TryGetValue(method, out var weight))
                return [ApiReplies.Failure(id, ExchangeError.UnknownMethod(method), rateLimits: null)];

            var verdict = limiter.Spend(weight, faults.Current.WeightBudget);
            var rateLimits = ApiReplies.RateLimits(verdict, limiter.Window);
            if (verdict.Refusal is { } refusal)
                return [ApiReplies.Limited(id, refusal, rateLimits, clock.GetUtcNow(), verdict.RetryAfter)];
            try
            {
                return Serve(method, id, Params(root), subscriptions, rateLimits);
            }
            catch (ExchangeError error)
            {
                return [ApiReplies.Failure(id, error, rateLimits)];
            }
        }
    }

    private IReadOnlyList<string> Serve(
        string method, JsonElement id, RequestParameters parameters, Subscriptions subscriptions, IReadOnlyList<ApiReplies.RateLimit> rateLimits) =>
        method switch
        {
            "ping" => [ApiReplies.Success(id, new Empty(), rateLimits)],
            "session.subscriptions" => [ApiReplies.Success(id, subscriptions.Ids.Select(s => new Subscription(s)).ToList(), rateLimits)],
            "userDataStream.subscribe.signature" => [ApiReplies.Success(id, Subscribe(parameters, subscriptions), rateLimits)],
            "userDataStream.unsubscribe" =>
            [
                .. Unsubscribe(parameters, subscriptions),
                ApiReplies.Success(id, new Empty(), rateLimits),
            ],
            _ => throw new InvalidOperationException($"Method {method} has a weight but no handler."),
        };

    private Subscription Subscribe(RequestParameters parameters, Subscriptions subscriptions)
    {
        var apiKey = authenticator.Authenticate(parameters.Required("apiKey"), parameters);
        return new Subscription(subscriptions.TryStart(apiKey) ?? throw ExchangeError.SubscriptionActive());
    }

    // Binance closes each subscription with an eventStreamTerminated event.
    private IEnumerable<string> Unsubscribe(RequestParameters parameters, Subscriptions subscriptions)
    {
        var now = clock.GetUtcNow();
        return subscriptions.Stop(parameters.OptionalWholeNumber("subscriptionId"))
            .Select(subscriptionId => UserDataEventJson.StreamTerminated(subscriptionId, now))
            .ToList();
    }

    private static RequestParameters Params(JsonElement request)
    {
        if (!request.TryGetProperty("params", out var parameters))
            return RequestParameters.FromJson(NoParams);
        return parameters.ValueKind == JsonValueKind.Object
            ? RequestParameters.FromJson(parameters)
            : throw ExchangeError.MandatoryParameter("params");
    }
}
