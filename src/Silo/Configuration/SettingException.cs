namespace Cockpit.Silo.Configuration;

/// <summary>
/// A setting has a value the silo cannot use. The message names the setting, what is wrong with the value and what
/// is accepted; Program prints it as one line and exits with code 2, without a stack trace (nothing in it helps).
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
