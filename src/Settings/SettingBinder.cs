using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Settings;

/// <summary>
/// Binds an options class from configuration (environment variables, <c>.env</c>) and checks it. Every property with
/// <see cref="ConfigurationKeyNameAttribute"/> is a setting: its key is the attribute, its default the property's
/// initial value, its range an optional <see cref="RangeAttribute"/>, anything else the class's
/// <see cref="IValidatableObject.Validate"/>. A blank value means the default, as an unset one does.
/// </summary>
public static class SettingBinder
{
    /// <summary>
    /// Copies every readable setting onto <paramref name="options"/>. Values that do not parse or lie out of range are
    /// left at their default here; <see cref="Problems"/> reports them.
    /// </summary>
    public static void Bind(object options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var setting in SettingProperty.Of(options.GetType()))
        {
            if (Accepted(configuration, setting) is { } value) setting.Property.SetValue(options, value);
        }
    }

    /// <summary>
    /// One line per bad setting, each naming its key: values that do not parse or lie out of range, then (when those
    /// are fine) what the class's own <see cref="IValidatableObject.Validate"/> says. Empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Problems(object options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var setting in SettingProperty.Of(options.GetType()))
        {
            if (Raw(configuration, setting) is not { } raw)
            {
                if (setting.IsSecret && configuration[setting.Key] is { Length: > 0 }) problems.Add(BlankSecret(setting));
                continue;
            }
            if (Accepted(configuration, setting) is null) problems.Add(Refusal(setting, raw));
        }
        if (problems.Count == 0 && options is IValidatableObject validatable)
        {
            problems.AddRange(validatable.Validate(new ValidationContext(options))
                .Select(r => r.ErrorMessage)
                .OfType<string>());
        }
        return problems;
    }

    /// <summary>A new <typeparamref name="T"/> bound from <paramref name="configuration"/>.</summary>
    /// <exception cref="SettingException">A setting is bad; the message holds every problem, each naming its key.</exception>
    public static T Read<T>(IConfiguration configuration) where T : new()
    {
        var options = new T();
        Bind(options, configuration);
        var problems = Problems(options, configuration);
        return problems.Count == 0 ? options : throw new SettingException(string.Join(" ", problems));
    }

    /// <summary>The keys <typeparamref name="T"/> reads, e.g. to build a configuration from another source.</summary>
    public static IEnumerable<string> KeysOf<T>() => SettingProperty.Of(typeof(T)).Select(s => s.Key);

    /// <summary>The configured value when it is set, parses and lies in range; null otherwise (the default stays).</summary>
    private static object? Accepted(IConfiguration configuration, SettingProperty setting) =>
        Raw(configuration, setting) is { } raw && SettingValue.TryParse(raw, setting.ValueType) is { } value && InRange(setting, value)
            ? value
            : null;

    private static string? Raw(IConfiguration configuration, SettingProperty setting) =>
        configuration[setting.Key] is { } raw && !string.IsNullOrWhiteSpace(raw) ? raw.Trim() : null;

    private static bool InRange(SettingProperty setting, object value) =>
        setting.Range is not { } range || (value is IComparable comparable
            && comparable.CompareTo(Convert.ChangeType(range.Minimum, value.GetType(), CultureInfo.InvariantCulture)) >= 0
            && comparable.CompareTo(Convert.ChangeType(range.Maximum, value.GetType(), CultureInfo.InvariantCulture)) <= 0);

    private static string BlankSecret(SettingProperty setting) =>
        $"{setting.Key} is blank: set the secret, or leave the variable out to run without it.";

    // "{0}" the key, "{1}" and "{2}" the range's ends, "{3}" the value as written (RangeAttribute.ErrorMessage, when set).
    private static string Refusal(SettingProperty setting, string raw)
    {
        var what = SettingValue.Describe(setting.ValueType);
        if (setting.Range is not { } range) return $"{setting.Key}='{raw}' is not {what}.";
        var format = range.ErrorMessage ?? "{0}='{3}' is not " + what + " from {1} to {2}.";
        return string.Format(CultureInfo.InvariantCulture, format, setting.Key, range.Minimum, range.Maximum, raw);
    }
}
