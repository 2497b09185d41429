namespace Cockpit.Silo.Observability;

/// <summary>Wraps services already registered in DI, keeping their lifetime, without knowing how they were registered.</summary>
public static class ServiceDecoration
{
    /// <summary>Replaces every (unkeyed) registration of <typeparamref name="TService"/> with <paramref name="decorate"/> around it.</summary>
    /// <exception cref="InvalidOperationException">Nothing registers <typeparamref name="TService"/> yet: call this after the registration.</exception>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var registered = services.Where(d => d.ServiceType == typeof(TService) && !d.IsKeyedService).ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException($"No {typeof(TService).Name} is registered to decorate; register it first.");
        }

        foreach (var descriptor in registered)
        {
            services[services.IndexOf(descriptor)] = ServiceDescriptor.Describe(
                typeof(TService), sp => decorate(sp, (TService)CreateInner(sp, descriptor)), descriptor.Lifetime);
        }
        return services;
    }

    private static object CreateInner(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.GetServiceOrCreateInstance(sp, descriptor.ImplementationType!);
}
