using System.ComponentModel.DataAnnotations;
using Cockpit.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>The one binder every process uses: blank means the default, a bad value is one line naming the key.</summary>
public sealed class SettingBinderTests
{
    public sealed class Sample : IValidatableObject
    {
        [ConfigurationKeyName("SAMPLE_PORT"), Range(1, 65535)]
        public int Port { get; set; } = 8085;

        [ConfigurationKeyName("SAMPLE_RATIO"), Range(0.5, 2.0)]
        public double Ratio { get; set; } = 1;

        [ConfigurationKeyName("SAMPLE_FLAG")]
        public bool Flag { get; set; }

        [ConfigurationKeyName("SAMPLE_MODE")]
        public DayOfWeek Mode { get; set; } = DayOfWeek.Monday;

        [ConfigurationKeyName("SAMPLE_NAME")]
        public string? Name { get; set; }

        [ConfigurationKeyName("SAMPLE_TOKEN"), SecretSetting]
        public string? Token { get; set; }

        [ConfigurationKeyName("SAMPLE_RETRIES"), Range(0, 10, ErrorMessage = "{0}='{3}' is not a whole number between {1} and {2}.")]
        public int Retries { get; set; } = 2;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Name == "forbidden") yield return new ValidationResult("SAMPLE_NAME must not be 'forbidden'.");
        }
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void Unset_and_blank_values_keep_the_declared_defaults()
    {
        var options = SettingBinder.Read<Sample>(Configuration(("SAMPLE_PORT", ""), ("SAMPLE_RATIO", "   "), ("SAMPLE_NAME", "")));

        (options.Port, options.Ratio, options.Flag, options.Mode, options.Name, options.Retries).ShouldBe((8085, 1.0, false, DayOfWeek.Monday, (string?)null, 2));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void A_blank_secret_is_refused_rather_than_taken_as_unset(string blank)
    {
        var failure = Should.Throw<SettingException>(() => SettingBinder.Read<Sample>(Configuration(("SAMPLE_TOKEN", blank))));

        failure.Message.ShouldStartWith("SAMPLE_TOKEN is blank");
        SettingBinder.Read<Sample>(Configuration(("SAMPLE_TOKEN", ""))).Token.ShouldBeNull("an empty value is the documented way to leave it unset");
        SettingBinder.Read<Sample>(Configuration()).Token.ShouldBeNull();
        SettingBinder.Read<Sample>(Configuration(("SAMPLE_TOKEN", " s3cret "))).Token.ShouldBe("s3cret");
    }

    [Fact]
    public void Values_are_trimmed_and_read_invariantly()
    {
        var options = SettingBinder.Read<Sample>(Configuration(
            ("SAMPLE_PORT", " 9000 "), ("SAMPLE_RATIO", "1.5"), ("SAMPLE_FLAG", "on"), ("SAMPLE_MODE", "friday"), ("SAMPLE_NAME", " x ")));

        (options.Port, options.Ratio, options.Flag, options.Mode, options.Name).ShouldBe((9000, 1.5, true, DayOfWeek.Friday, (string?)"x"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("YES", true)]
    [InlineData("On", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Flags_take_every_spelling_people_write(string text, bool expected) =>
        SettingBinder.Read<Sample>(Configuration(("SAMPLE_FLAG", text))).Flag.ShouldBe(expected);

    [Theory]
    [InlineData("SAMPLE_PORT", "abc", "SAMPLE_PORT='abc' is not a whole number from 1 to 65535.")]
    [InlineData("SAMPLE_PORT", "70000", "SAMPLE_PORT='70000' is not a whole number from 1 to 65535.")]
    [InlineData("SAMPLE_PORT", "1.5", "SAMPLE_PORT='1.5' is not a whole number from 1 to 65535.")]
    [InlineData("SAMPLE_RATIO", "3", "SAMPLE_RATIO='3' is not a number from 0.5 to 2.")]
    [InlineData("SAMPLE_FLAG", "maybe", "SAMPLE_FLAG='maybe' is not true or false.")]
    [InlineData("SAMPLE_MODE", "someday", "SAMPLE_MODE='someday' is not one of sunday, monday, tuesday, wednesday, thursday, friday, saturday.")]
    [InlineData("SAMPLE_MODE", "1", "SAMPLE_MODE='1' is not one of sunday, monday, tuesday, wednesday, thursday, friday, saturday.")]
    [InlineData("SAMPLE_RETRIES", "11", "SAMPLE_RETRIES='11' is not a whole number between 0 and 10.")]
    [InlineData("SAMPLE_NAME", "forbidden", "SAMPLE_NAME must not be 'forbidden'.")]
    public void A_bad_value_is_one_line_naming_the_key_the_value_and_what_is_accepted(string key, string value, string message) =>
        Should.Throw<SettingException>(() => SettingBinder.Read<Sample>(Configuration((key, value)))).Message.ShouldBe(message);

    [Fact]
    public void Every_bad_value_is_reported_and_the_class_rules_wait_until_the_values_parse()
    {
        var configuration = Configuration(("SAMPLE_PORT", "0"), ("SAMPLE_FLAG", "maybe"), ("SAMPLE_NAME", "forbidden"));

        SettingBinder.Problems(SettingBinder.Read<Sample>(Configuration()), configuration)
            .ShouldBe(["SAMPLE_PORT='0' is not a whole number from 1 to 65535.", "SAMPLE_FLAG='maybe' is not true or false."]);
    }

    [Fact]
    public void Binding_leaves_a_bad_value_at_its_default()
    {
        var options = new Sample();

        SettingBinder.Bind(options, Configuration(("SAMPLE_PORT", "70000"), ("SAMPLE_RETRIES", "5")));

        (options.Port, options.Retries).ShouldBe((8085, 5));
    }

    [Fact]
    public async Task Registered_settings_stop_the_host_at_start_naming_the_key()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("SAMPLE_PORT", (string?)"0")]);
        builder.Services.AddSettings<Sample>(builder.Configuration);
        using var host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(host.StartAsync());

        failure.Failures.ShouldBe(["SAMPLE_PORT='0' is not a whole number from 1 to 65535."]);
    }

    [Fact]
    public void Registered_settings_are_served_as_options_and_as_themselves()
    {
        var services = new ServiceCollection();
        services.AddSettings<Sample>(Configuration(("SAMPLE_PORT", "9001")));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<Sample>().ShouldBeSameAs(provider.GetRequiredService<IOptions<Sample>>().Value);
        provider.GetRequiredService<Sample>().Port.ShouldBe(9001);
    }
}
