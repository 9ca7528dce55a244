using System.Net;
using System.Net.NetworkInformation;

namespace StudyBot.Hosting;

/// <summary>What the <c>Urls</c> setting says about who can reach the bot, and which Host headers it answers.</summary>
internal static class ListenAddresses
{
    /// <summary>Kestrel's default when <c>Urls</c> is not set.</summary>
    private const string DefaultUrls = "http://localhost:5000";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>True when every address in <paramref name="urls"/> is a loopback one (only this machine can connect).</summary>
    public static bool LoopbackOnly(string? urls) => Hosts(urls).All(IsLoopback);

    /// <summary>
    /// The Host header values to accept when <c>AllowedHosts</c> is not set: the loopback names and the host names in
    /// <c>Urls</c>; for a wildcard binding also this machine's name and addresses. Anything else (a DNS-rebinding page's
    /// own name pointed at 127.0.0.1) gets 400.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowedHosts(string? urls)
    {
        var hosts = new List<string>(LoopbackNames);
        foreach (var host in Hosts(urls))
        {
            if (IsWildcard(host))
            {
                hosts.Add(Environment.MachineName);
                hosts.AddRange(LocalAddresses());
            }
            else
            {
                hosts.Add(host);
            }
        }

        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<string> Hosts(string? urls)
    {
        foreach (var url in (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                // ServerUrlsValidator stops the app with a message naming the setting.
                continue;
            }

            if (!address.IsUnixPipe)
            {
                yield return address.Host;
            }
        }
    }

    private static bool IsWildcard(string host) => host is "*" or "+" or "0.0.0.0" or "[::]" or "::";

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static IEnumerable<string> LocalAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .Select(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{new IPAddress(a.GetAddressBytes())}]" : a.ToString())
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
