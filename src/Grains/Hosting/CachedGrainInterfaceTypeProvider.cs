using System.Collections.Concurrent;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace Cockpit.Grains.Hosting;

/// <summary>
/// Orleans' answer to "which grain interface type is this .NET interface", worked out once per interface instead of at
/// every <c>GetGrain</c>. Orleans 10's <see cref="GrainInterfaceTypeResolver"/> keeps no cache: each reference it makes
/// reads the interface's custom attributes and formats its type name again, which cost 5 % of a silo's CPU in the queue
/// benchmark (a heartbeat, a dispatch and each report to a job all make references).
/// </summary>
/// <remarks>
/// The answer is the one Orleans gives, in Orleans' order: the attribute provider Orleans registers
/// (<see cref="AttributeGrainInterfaceTypeProvider"/>), then its naming convention. Registered in place of that provider
/// by <see cref="CachedGrainInterfaceTypesSiloBuilderExtensions.AddCachedGrainInterfaceTypes"/>.
/// </remarks>
public sealed class CachedGrainInterfaceTypeProvider(IServiceProvider services, TypeConverter typeConverter) : IGrainInterfaceTypeProvider
{
    private readonly AttributeGrainInterfaceTypeProvider _attributes = new(services);

    // No providers: only its convention is used, which needs nothing else.
    private readonly GrainInterfaceTypeResolver _convention = new([], typeConverter);
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = _known.GetOrAdd(type, Resolve);
        return true;
    }

    private GrainInterfaceType Resolve(Type type) =>
        _attributes.TryGetGrainInterfaceType(type, out var fromAttribute)
            ? fromAttribute
            : _convention.GetGrainInterfaceTypeByConvention(type);
}
