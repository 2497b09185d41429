using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Dispatch;

/// <summary><c>DispatchMode</c>: REST's lower-case words (<c>manual</c>, <c>auto</c>).</summary>
public sealed class DispatchModeGraphType : EnumerationGraphType
{
    public DispatchModeGraphType()
    {
        Name = "DispatchMode";
        Description = "manual: the job waits in created for an assign; auto: it is queued (pending) and started by the dispatcher.";
        foreach (var mode in Enum.GetValues<DispatchMode>()) Add(StatusNames.ToWire(mode), mode);
    }
}
