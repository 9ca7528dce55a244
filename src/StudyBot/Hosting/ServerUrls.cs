using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StudyBot.Hosting;

/// <summary>The addresses Kestrel listens on: <c>Urls</c> in appsettings.json, <c>--urls</c> or <c>ASPNETCORE_URLS</c>.</summary>
internal sealed class ServerUrlsOptions : IValidatableObject
{
    public string? Urls { get; set; }

    /// <summary>Stops the app at start when <c>Urls</c> holds something Kestrel cannot listen on.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            return [];
        }

        var failures = new List<string>();
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
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

        return failures.Select(f => new ValidationResult(f));
    }

    /// <summary>A host with a colon left in it (outside an IPv6 literal's brackets) is a port that did not parse.</summary>
    private static bool HasUnparsedPort(string host)
    {
        var end = host.StartsWith('[') ? host.IndexOf(']', StringComparison.Ordinal) : -1;
        return host.IndexOf(':', end + 1) >= 0;
    }
}

/// <summary>Validates <see cref="ServerUrlsOptions"/> (generated at compile time).</summary>
[OptionsValidator]
internal sealed partial class ServerUrlsValidator : IValidateOptions<ServerUrlsOptions>;

internal static class ServerUrlsExtensions
{
    public static IServiceCollection AddServerUrlsValidation(this IServiceCollection services)
    {
        // Not BindConfiguration: Urls is a root key (as ASP.NET Core reads it), not a section.
        services.AddOptions<ServerUrlsOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Urls = configuration["urls"])
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServerUrlsOptions>, ServerUrlsValidator>());
        return services;
    }
}
