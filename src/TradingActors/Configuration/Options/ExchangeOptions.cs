namespace TradingActors.Configuration.Options;

/// <summary>One exchange's section (<c>exchanges.&lt;name&gt;</c>): its breaker over the defaults, its endpoint and its symbols.</summary>
public sealed class ExchangeOptions : BreakerOptions
{
    /// <summary>Where the exchange is reached over HTTP; null: it has no endpoint, and its connector comes from the host.</summary>
    public EndpointOptions? Endpoint { get; set; }

    /// <summary>The symbols it trades; an order for another is refused before it is recorded. Null: the exchange decides.</summary>
    public IList<string>? Symbols { get; set; }
}
