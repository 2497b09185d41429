using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Grains.Dispatch;

public static class DispatchSiloBuilderExtensions
{
    /// <summary>
    /// Automatic dispatch: the cluster's <see cref="IDispatcherGrain"/>, woken from every silo by
    /// <see cref="DispatcherWakeUp"/>. Needs reminders (jobs' attempt timeouts), an <see cref="Ports.IDispatchSource"/>
    /// and <see cref="DispatcherOptions"/>.
    /// </summary>
    public static ISiloBuilder AddDispatch(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<DispatcherOptions>();
        silo.Services.AddSingleton<DispatcherWakeUp>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DispatcherWakeUp>());
        return silo;
    }
}
