namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>
/// A session's user data subscriptions: at most one per account, as on Binance, each under an id the
/// session never gives out twice. Its session's lock guards it.
/// </summary>
internal sealed class Subscriptions
{
    private readonly Dictionary<string, int> _byAccount = [];
    private int _nextId;

    public IReadOnlyList<int> Ids => _byAccount.Values.Order().ToList();

    /// <summary>The subscription that follows the account, if there is one.</summary>
    public int? Of(string apiKey) => _byAccount.TryGetValue(apiKey, out var id) ? id : null;

    /// <summary>Starts following the account and returns the new subscription's id; null if one already follows it.</summary>
    public int? TryStart(string apiKey)
    {
        if (_byAccount.ContainsKey(apiKey))
            return null;
        var id = _nextId++;
        _byAccount.Add(apiKey, id);
        return id;
    }

    /// <summary>Ends the subscription with that id if there is one, or every subscription when no id is given; returns the ids ended.</summary>
    public IReadOnlyList<int> Stop(long? subscriptionId)
    {
        var ended = Ids.Where(id => subscriptionId is null || id == subscriptionId).ToList();
        foreach (var account in _byAccount.Where(entry => ended.Contains(entry.Value)).Select(entry => entry.Key).ToList())
            _byAccount.Remove(account);
        return ended;
    }
}
