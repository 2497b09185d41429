namespace Cockpit.Settings;

/// <summary>
/// A setting has a value the process cannot use. The message names the setting, what is wrong with the value and what
/// is accepted; each process prints it as one line and exits with code 2, without a stack trace (nothing in it helps).
/// </summary>
public sealed class SettingException : InvalidOperationException
{
    public SettingException(string message) : base(message)
    {
    }

    public SettingException(string message, Exception inner) : base(message, inner)
    {
    }
}
