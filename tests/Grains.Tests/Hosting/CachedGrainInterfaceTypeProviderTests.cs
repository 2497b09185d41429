using Cockpit.Grains.Agents;
using Cockpit.Grains.Hosting;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;
using Shouldly;

namespace Cockpit.Grains.Tests.Hosting;

/// <summary>The cached grain interface types are Orleans' own answers, and the silo asks the cache instead of the attributes.</summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class CachedGrainInterfaceTypeProviderTests(CockpitCluster cluster)
{
    private IServiceProvider SiloServices => cluster.Cluster.Silos[0].ServiceProvider;

    public static TheoryData<Type> GrainInterfaces()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(IAgentGrain).Assembly.GetTypes()
                     .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t) && t != typeof(IGrain)))
        {
            data.Add(type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GrainInterfaces))]
    public void Every_grain_interface_gets_the_type_Orleans_itself_resolves(Type grainInterface)
    {
        var converter = SiloServices.GetRequiredService<TypeConverter>();
        var orleans = new GrainInterfaceTypeResolver([new AttributeGrainInterfaceTypeProvider(SiloServices)], converter);
        var cached = new CachedGrainInterfaceTypeProvider(SiloServices, converter);

        cached.TryGetGrainInterfaceType(grainInterface, out var first).ShouldBeTrue();
        cached.TryGetGrainInterfaceType(grainInterface, out var second).ShouldBeTrue();

        first.ShouldBe(orleans.GetGrainInterfaceType(grainInterface));
        second.ShouldBe(first);
    }

    [Fact]
    public void The_silo_resolves_through_the_cache_and_no_longer_through_the_attribute_provider()
    {
        var providers = SiloServices.GetServices<IGrainInterfaceTypeProvider>().ToList();

        providers.OfType<CachedGrainInterfaceTypeProvider>().Count().ShouldBe(1);
        providers.OfType<AttributeGrainInterfaceTypeProvider>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Grains_reached_through_the_cached_types_answer()
    {
        var job = cluster.Client.GetGrain<IJobGrain>(Guid.NewGuid());
        var agent = cluster.Client.GetGrain<IAgentGrain>(Guid.NewGuid());

        // Made inside a silo (by grains), as every reference in production is.
        var factory = SiloServices.GetRequiredService<IGrainFactory>();
        var fromSilo = factory.GetGrain<IJobGrain>(job.GetPrimaryKey());

        fromSilo.GetGrainId().ShouldBe(job.GetGrainId());
        (await fromSilo.GetAsync()).ShouldBeNull();
        (await agent.GetAsync()).ShouldBeNull();
    }
}
