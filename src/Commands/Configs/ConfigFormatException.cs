namespace Cockpit.Commands.Configs;

/// <summary>A configuration file that cannot be read as the catalog needs it (bad YAML, wrong shape, too large).</summary>
public sealed class ConfigFormatException(string message, Exception? inner = null) : Exception(message, inner);
