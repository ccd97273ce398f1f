using TradingActors.Exchanges;

namespace TradingActors.Tests.Exchanges;

/// <summary>The engine stops short of an exchange's rate limit, keeping the last of it for orders.</summary>
public sealed class RateBudgetSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 10, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = Start.AddSeconds(50);

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();
    private readonly RateBudget _budget;

    public RateBudgetSpecs() => _budget = new RateBudget(0.8m, _clock);

    private static GetPrice Price() => new("binance", "BTCUSDT");

    private static PlaceOrder Order() => new("binance", "BTCUSDT", OrderSide.Buy, 0.01m, null, $"o-{Guid.NewGuid():N}");

    private void Reported(decimal used, decimal limit = 100) =>
        _budget.ReportRequests(new RateUsage(used, limit, WindowEnd), _budget.Charged);

    [Fact]
    public void A_price_that_would_pass_the_headroom_is_refused_with_the_time_until_the_window_frees()
    {
        Reported(used: 79);

        var refused = _budget.Admit(Price(), weight: 2);

        Assert.Equal(TimeSpan.FromSeconds(50), refused!.RetryAfter);
        Assert.Equal("79 of the 100 request limit used: past the 80% that prices and queries may use, the rest kept for orders", refused.Detail);
    }

    [Fact]
    public void An_order_may_spend_what_prices_leave_up_to_the_limit_itself()
    {
        Reported(used: 99);

        Assert.Null(_budget.Admit(Order(), weight: 1));
        Assert.NotNull(_budget.Admit(Order(), weight: 1));
    }

    [Fact]
    public void A_cancel_is_kept_to_the_limit_itself_as_an_order_is()
    {
        Reported(used: 90);

        Assert.Null(_budget.Admit(new CancelOrder("binance", "BTCUSDT", "o-1"), weight: 1));
    }

    [Fact]
    public void What_was_admitted_after_the_reported_request_counts_on_top_of_the_report()
    {
        var sent = _budget.Charged;
        for (var i = 0; i < 10; i++)
            Assert.Null(_budget.Admit(Price(), weight: 2));

        _budget.ReportRequests(new RateUsage(60, 100, WindowEnd), sent);

        Assert.NotNull(_budget.Admit(Price(), weight: 2));
    }

    [Fact]
    public void A_report_on_an_earlier_request_does_not_replace_a_later_one()
    {
        var earlier = _budget.Charged;
        _budget.Admit(Price(), weight: 2);
        var later = _budget.Charged;

        _budget.ReportRequests(new RateUsage(79, 100, WindowEnd), later);
        _budget.ReportRequests(new RateUsage(10, 100, WindowEnd), earlier);

        Assert.NotNull(_budget.Admit(Price(), weight: 2));
    }

    [Fact]
    public void Once_the_window_frees_requests_are_admitted_and_counted_until_a_reply_reports_the_new_window()
    {
        Reported(used: 100);

        _clock.Now = WindowEnd;
        var sent = Enumerable.Range(0, 50).Count(_ => _budget.Admit(Price(), weight: 2) is null);

        Assert.Equal(40, sent);
        Assert.Equal(TimeSpan.FromSeconds(1), _budget.Admit(Price(), weight: 2)!.RetryAfter);
    }

    [Fact]
    public void An_order_past_the_order_count_limit_is_refused_while_prices_still_pass()
    {
        _budget.ReportOrders(new RateUsage(100, 100, Start.AddSeconds(5)), _budget.Charged);

        var refused = _budget.Admit(Order(), weight: 1);

        Assert.Equal((TimeSpan.FromSeconds(5), "100 of the 100 order limit used"), (refused!.RetryAfter, refused.Detail));
        Assert.Null(_budget.Admit(Price(), weight: 2));
    }

    [Fact]
    public void Without_a_report_every_request_is_admitted() =>
        Assert.Null(_budget.Admit(Price(), weight: 1000));
}
