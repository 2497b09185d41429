using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Cockpit.Storage.Security;

/// <summary>
/// Keeps ASP.NET Core Data Protection's key ring in PostgreSQL (table <c>data_protection_keys</c>), so that every silo
/// protects and unprotects with the same keys: a session cookie or CSRF token issued by one silo is accepted by all.
/// Data Protection calls this synchronously, rarely (at start, on a key-ring refresh, when it creates a key).
/// </summary>
/// <remarks>
/// The key XML holds the key material in clear unless an encryptor is configured: whoever can read this table can
/// forge sessions, exactly like whoever can write the grain state. Restrict database access accordingly.
/// </remarks>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // A friendly name that exists already (a retried write) keeps the first element: keys never change once stored.
        using var command = dataSource.CreateCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
