using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.Grains.Tests.Dispatch;

public static class BoardArbitraries
{
    public static Arbitrary<BoardStep> Steps() =>
        (from kind in Gen.Elements(Enum.GetValues<BoardStepKind>())
         from job in Gen.Choose(0, 7)
         from agent in Gen.Choose(0, 4)
         from value in Gen.Choose(0, 11)
         select new BoardStep(kind, job, agent, value)).ToArbitrary();
}
