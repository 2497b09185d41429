namespace Cockpit.Settings;

/// <summary>
/// Marks a setting that is a secret whose absence weakens the process (for example, agents may register without a
/// token). A value of only spaces is refused at start rather than taken as unset, as it is for other settings: it is
/// nearly always an unfilled template or a missing secret, and running open by mistake is worse than not starting.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretSettingAttribute : Attribute;
