using Microsoft.Extensions.Options;

namespace StudyBot.Hosting;

/// <summary>The addresses Kestrel listens on: <c>Urls</c> in appsettings.json, <c>--urls</c> or <c>ASPNETCORE_URLS</c>.</summary>
internal sealed class ServerUrlsOptions
{
    public string? Urls { get; set; }
}

/// <summary>Stops the app at start when <c>Urls</c> holds something Kestrel cannot listen on.</summary>
internal sealed class ServerUrlsValidator : IValidateOptions<ServerUrlsOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerUrlsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Urls))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                var address = BindingAddress.Parse(url);
                if (address.Scheme is not ("http" or "https"))
                {
                    failures.Add($"Urls: '{url}' must start with http:// or https://.");
                }
                else if (!address.IsUnixPipe && address.Port is < 0 or > 65535)
                {
                    failures.Add($"Urls: '{url}' has the port {address.Port}; a port is 0–65535.");
                }
            }
            catch (FormatException exception)
            {
                failures.Add($"Urls: '{url}' is not a valid address ({exception.Message}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class ServerUrlsExtensions
{
    public static IServiceCollection AddServerUrlsValidation(this IServiceCollection services)
    {
        services.AddOptions<ServerUrlsOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Urls = configuration["urls"])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerUrlsOptions>, ServerUrlsValidator>();
        return services;
    }
}
