using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Settings;

public static class SettingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options class <typeparamref name="T"/>: bound by <see cref="SettingBinder"/> from the root of
    /// <paramref name="configuration"/> (where the flat keys of the environment live), checked at start
    /// (<see cref="SettingBinder.Problems"/>: a bad value stops the process with a line naming the key), and available
    /// as <see cref="IOptions{TOptions}"/> and as <typeparamref name="T"/> itself.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration) where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<T>>(new SettingValidator<T>(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>()
            .Configure(options => SettingBinder.Bind(options, configuration))
            .ValidateOnStart();
    }

    private sealed class SettingValidator<T>(IConfiguration configuration) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = SettingBinder.Problems(options, configuration);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
