using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Settings;

/// <summary>One setting of an options class: a property carrying <see cref="ConfigurationKeyNameAttribute"/>.</summary>
public sealed record SettingProperty(PropertyInfo Property, string Key, RangeAttribute? Range)
{
    /// <summary>Whether the setting carries <see cref="SecretSettingAttribute"/>: a blank value is refused, not taken as unset.</summary>
    public bool IsSecret => Property.GetCustomAttribute<SecretSettingAttribute>() is not null;

    /// <summary>The settings <paramref name="optionsType"/> declares, in declaration order.</summary>
    public static IReadOnlyList<SettingProperty> Of(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        return optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<ConfigurationKeyNameAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new SettingProperty(p, p.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name, p.GetCustomAttribute<RangeAttribute>()))
            .ToArray();
    }

    /// <summary>The environment variable spelling of <see cref="Key"/> (<c>ReadModel:BatchSize</c> → <c>ReadModel__BatchSize</c>).</summary>
    public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The value type, <c>int</c> for <c>int?</c>.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
}
