using Cockpit.Settings;
using Cockpit.Silo.Observability;
using Cockpit.Silo.Usage;
using Cockpit.Storage.Workspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cockpit.Silo.Tests.Features;

/// <summary>The rules of the silo's feature settings beyond a number's range: formats, levels, lists, derived paths.</summary>
public sealed class FeatureOptionsTests
{
    private static T Read<T>(params (string Key, string Value)[] values) where T : new() =>
        SettingBinder.Read<T>(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Theory]
    [InlineData("plain", LogFormat.Plain)]
    [InlineData("TEXT", LogFormat.Plain)]
    [InlineData("Json", LogFormat.Json)]
    public void Log_formats_are_plain_or_json(string text, LogFormat format) =>
        Read<ObservabilityOptions>(("LOG_FORMAT", text)).LogFormat.ShouldBe(format);

    [Fact]
    public void Logging_stays_as_configured_unless_LOG_LEVEL_names_a_level()
    {
        Read<ObservabilityOptions>().LogLevel.ShouldBeNull();
        Read<ObservabilityOptions>(("LOG_LEVEL", "warn")).LogLevel.ShouldBe(LogLevel.Warning);
        Should.Throw<SettingException>(() => Read<ObservabilityOptions>(("LOG_LEVEL", "loud"))).Message.ShouldStartWith("LOG_LEVEL='loud' is not a log level (");
        Should.Throw<SettingException>(() => Read<ObservabilityOptions>(("LOG_FORMAT", "xml"))).Message.ShouldBe("LOG_FORMAT='xml' is neither 'plain' nor 'json'.");
    }

    [Fact]
    public void The_OTLP_endpoint_is_an_http_URL_and_unset_means_no_export()
    {
        Read<ObservabilityOptions>().OtlpEndpointUri.ShouldBeNull();
        Read<ObservabilityOptions>(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")).OtlpEndpointUri.ShouldBe(new Uri("http://collector:4317"));
        Should.Throw<SettingException>(() => Read<ObservabilityOptions>(("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")))
            .Message.ShouldBe("OTEL_EXPORTER_OTLP_ENDPOINT='collector:4317' is not an http(s) URL.");
        Read<ObservabilityOptions>().ServiceName.ShouldBe("cockpit-silo");
    }

    [Fact]
    public void Workspace_durations_are_read_in_milliseconds_under_their_old_names()
    {
        var options = Read<WorkspaceOptions>(("WORKSPACE_WATCH_DEBOUNCE_MS", "40"), ("WORKSPACE_POLL_INTERVAL_MS", "500"), ("WORKSPACE_WATCH", "POLL"));

        (options.WatchDebounce, options.PollInterval, options.WatchMode).ShouldBe((TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(500), WorkspaceWatchMode.Poll));
        Should.Throw<SettingException>(() => Read<WorkspaceOptions>(("WORKSPACE_POLL_INTERVAL_MS", "99")))
            .Message.ShouldBe("WORKSPACE_POLL_INTERVAL_MS='99' is not a whole number from 100 to 3600000.");
    }

    [Fact]
    public void Upload_extensions_are_a_list_with_or_without_dots()
    {
        Read<UploadOptions>().AllowedExtensions.Order(StringComparer.Ordinal)
            .ShouldBe([".csv", ".docx", ".json", ".markdown", ".md", ".pdf", ".txt", ".yaml", ".yml"]);
        Read<UploadOptions>(("UPLOAD_ALLOWED_EXTENSIONS", "md, .TXT")).AllowedExtensions.Order(StringComparer.Ordinal).ShouldBe([".md", ".txt"]);
        Should.Throw<SettingException>(() => Read<UploadOptions>(("UPLOAD_ALLOWED_EXTENSIONS", "md,../x")))
            .Message.ShouldStartWith("UPLOAD_ALLOWED_EXTENSIONS='md,../x' is not a list of extensions: '../x' is not a file extension");
    }

    [Fact]
    public void The_prices_file_lies_in_the_config_directory_unless_named()
    {
        Read<PriceFileOptions>().Resolve("/etc/cockpit/config", "/srv").ShouldBe("/etc/cockpit/config/prices.yaml");
        Read<PriceFileOptions>(("PRICES_FILE", "prices/custom.yaml")).Resolve("/etc/cockpit/config", "/srv").ShouldBe("/srv/prices/custom.yaml");
    }
}
