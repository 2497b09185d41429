using System.Globalization;

namespace Cockpit.Silo.Configuration;

/// <summary>Reads typed settings from configuration (environment variables, .env) with errors that name the key.</summary>
public static class Settings
{
    public static int Number(IConfiguration config, string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var raw = config[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new SettingException($"Setting {key}='{raw}' is not a whole number from {min} to {max}.");
        }
        return value;
    }

    public static TimeSpan Seconds(IConfiguration config, string key, TimeSpan fallback, int min = 1, int max = int.MaxValue) =>
        TimeSpan.FromSeconds(Number(config, key, (int)fallback.TotalSeconds, min, max));

    public static string Text(IConfiguration config, string key, string fallback)
    {
        var raw = config[key];
        return string.IsNullOrWhiteSpace(raw) ? fallback : raw.Trim();
    }
}
