using System.Xml.Linq;
using Cockpit.Storage.Security;
using Cockpit.Storage.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Storage.Tests.Security;

/// <summary>The shared Data Protection key ring in PostgreSQL: what one silo protects, another unprotects.</summary>
public sealed class PostgresXmlRepositoryTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_cookie_protected_by_one_silo_is_read_by_another_through_the_shared_key_ring()
    {
        using var siloA = Provider();
        using var siloB = Provider();

        var ticket = siloA.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Protect("admin session");

        siloB.GetRequiredService<IDataProtectionProvider>().CreateProtector("session").Unprotect(ticket).ShouldBe("admin session");
        (await database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'")).ShouldBe(1);
        Should.Throw<System.Security.Cryptography.CryptographicException>(
            () => siloB.GetRequiredService<IDataProtectionProvider>().CreateProtector("another purpose").Unprotect(ticket));
    }

    [Fact]
    public async Task Storing_an_element_twice_under_one_name_keeps_the_first()
    {
        var repository = new PostgresXmlRepository(database.DataSource);
        var name = "test-" + Guid.NewGuid();

        // Not named "key": Data Protection would try to read it as one in the other test.
        repository.StoreElement(new XElement("probe", new XAttribute("v", "1")), name);
        repository.StoreElement(new XElement("probe", new XAttribute("v", "2")), name);

        (await database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name = $1", name)).ShouldBe(1);
        repository.GetAllElements().ShouldContain(e => e.Name == "probe" && e.Attribute("v")!.Value == "1");
        repository.GetAllElements().ShouldNotContain(e => e.Name == "probe" && e.Attribute("v")!.Value == "2");
    }

    private ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("cockpit");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(database.DataSource));
        return services.BuildServiceProvider();
    }
}
