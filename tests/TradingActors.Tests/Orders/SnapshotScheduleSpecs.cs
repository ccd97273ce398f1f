using TradingActors.Orders;

namespace TradingActors.Tests.Orders;

public sealed class SnapshotScheduleSpecs
{
    private static int EventsUntilDue(SnapshotSchedule schedule, int held)
    {
        var events = 1;
        while (!schedule.Due(held))
            events++;
        return events;
    }

    [Fact]
    public void A_book_smaller_than_snapshot_every_is_saved_every_snapshot_every_events()
    {
        var schedule = new SnapshotSchedule(every: 4);

        Assert.Equal((4, 4), (EventsUntilDue(schedule, held: 3), EventsUntilDue(schedule, held: 3)));
    }

    [Fact]
    public void A_book_larger_than_snapshot_every_waits_as_many_events_as_it_holds()
    {
        var schedule = new SnapshotSchedule(every: 4);

        Assert.Equal((10, 25), (EventsUntilDue(schedule, held: 10), EventsUntilDue(schedule, held: 25)));
    }
}
