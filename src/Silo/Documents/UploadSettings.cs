using Cockpit.Silo.Configuration;
using Cockpit.Storage.Workspace;

namespace Cockpit.Silo.Documents;

/// <summary>Reads <see cref="UploadOptions"/> from the environment; the defaults are documented there.</summary>
public static class UploadSettings
{
    public static UploadOptions From(IConfiguration config)
    {
        var defaults = new UploadOptions();
        var extensions = config["UPLOAD_ALLOWED_EXTENSIONS"];
        IReadOnlySet<string> allowed;
        try
        {
            allowed = string.IsNullOrWhiteSpace(extensions) ? defaults.AllowedExtensions : UploadOptions.ParseExtensions(extensions);
        }
        catch (ArgumentException e)
        {
            throw new SettingException($"Setting UPLOAD_ALLOWED_EXTENSIONS='{extensions}' is not a list of extensions: {e.Message}", e);
        }
        return new UploadOptions
        {
            MaxFiles = Settings.Number(config, "UPLOAD_MAX_FILES", defaults.MaxFiles, 1, 1000),
            MaxFileBytes = Settings.Number(config, "UPLOAD_MAX_FILE_BYTES", defaults.MaxFileBytes, 1, int.MaxValue),
            AllowedExtensions = allowed,
        };
    }
}
