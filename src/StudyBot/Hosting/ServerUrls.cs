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
                else if (!address.IsUnixPipe && HasUnparsedPort(address.Host))
                {
                    // Kestrel reads "127.0.0.1:notaport" as a host name on the default port and then listens on every
                    // interface, so a typo in the port must stop the app instead.
                    failures.Add($"Urls: '{url}' has a port that is not a number; a port is 0–65535.");
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

    /// <summary>A host with a colon left in it (outside an IPv6 literal's brackets) is a port that did not parse.</summary>
    private static bool HasUnparsedPort(string host)
    {
        var end = host.StartsWith('[') ? host.IndexOf(']', StringComparison.Ordinal) : -1;
        return host.IndexOf(':', end + 1) >= 0;
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
