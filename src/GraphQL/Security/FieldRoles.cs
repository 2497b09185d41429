using Cockpit.Security;
using GraphQL.Builders;
using GraphQL.Types;

namespace Cockpit.GraphQL.Security;

/// <summary>
/// Which role a field needs. Root fields need <see cref="CockpitRole.Viewer"/> (queries, subscriptions) or
/// <see cref="CockpitRole.Operator"/> (mutations) unless they say otherwise with <see cref="RequireRole{TSource,TReturn}"/>;
/// nested fields need nothing beyond their root unless they say so too.
/// </summary>
public static class FieldRoles
{
    /// <summary>Metadata key under which a field stores the role it needs.</summary>
    public const string MetadataKey = "cockpit:requiredRole";

    /// <summary>Marks the field as needing <paramref name="role"/> (or higher), whatever its root's default.</summary>
    public static FieldBuilder<TSource, TReturn> RequireRole<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, CockpitRole role)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Metadata[MetadataKey] = role;
        return field;
    }

    /// <summary>The role needed to select <paramref name="field"/> on <paramref name="parent"/>, or null when none.</summary>
    public static CockpitRole? Required(FieldType field, IGraphType? parent, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(schema);
        if (field.Metadata.TryGetValue(MetadataKey, out var declared) && declared is CockpitRole role) return role;
        if (parent is null || field.Name.StartsWith("__", StringComparison.Ordinal)) return null;
        if (ReferenceEquals(parent, schema.Mutation)) return CockpitRole.Operator;
        if (ReferenceEquals(parent, schema.Query) || ReferenceEquals(parent, schema.Subscription)) return CockpitRole.Viewer;
        return null;
    }
}
