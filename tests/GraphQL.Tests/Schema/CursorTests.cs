using Cockpit.GraphQL.Schema.Paging;
using Cockpit.Storage.ReadModel;

namespace Cockpit.GraphQL.Tests.Schema;

public sealed class CursorTests
{
    [Fact]
    public void Job_cursors_round_trip_to_the_tick_and_refuse_anything_else()
    {
        var cursor = new JobSearchCursor(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero).AddTicks(1234560), Guid.NewGuid());
        JobSearchCursor.TryDecode(cursor.Encode(), out var back).ShouldBeTrue();
        back.ShouldBe(cursor);

        foreach (var bad in new[] { "", "not base64!", OffsetCursor.Encode(5), "ajEuMTIzLm5vdGFndWlk", new string('a', 500) })
        {
            JobSearchCursor.TryDecode(bad, out _).ShouldBeFalse(bad);
        }
    }

    [Fact]
    public void Offset_cursors_round_trip_and_refuse_other_cursors()
    {
        OffsetCursor.TryDecode(OffsetCursor.Encode(0)).ShouldBe(0);
        OffsetCursor.TryDecode(OffsetCursor.Encode(4200)).ShouldBe(4200);
        OffsetCursor.TryDecode(new JobSearchCursor(DateTimeOffset.UnixEpoch, Guid.Empty).Encode()).ShouldBeNull();
        OffsetCursor.TryDecode("%%%").ShouldBeNull();
    }

    [Fact]
    public void Search_text_matches_literally_in_an_ilike_pattern()
    {
        JobReadModel.ContainsPattern("50% off_now\\").ShouldBe(@"%50\% off\_now\\%");
    }
}
