using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Cockpit.Grains.Hosting;

public static class CachedGrainInterfaceTypesSiloBuilderExtensions
{
    /// <summary>
    /// Grain references without reflection per call: <see cref="CachedGrainInterfaceTypeProvider"/> takes the place of
    /// Orleans' attribute provider. Call it after the silo's defaults are registered (inside <c>UseOrleans</c>).
    /// </summary>
    public static ISiloBuilder AddCachedGrainInterfaceTypes(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        // Orleans' own provider would still be asked first and read the attributes each time; the cached one asks it once.
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IGrainInterfaceTypeProvider)
                && services[i].ImplementationType == typeof(AttributeGrainInterfaceTypeProvider))
            {
                services.RemoveAt(i);
            }
        }
        services.AddSingleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypeProvider>();
        return silo;
    }
}
