using System.Net;
using System.Net.Sockets;

namespace StudyBot.Hosting;

/// <summary>
/// Finds a configured address that another program already listens on, before the host starts: Kestrel would report
/// it only as the host's failure to start, with a stack trace around the one line that matters.
/// </summary>
internal static class PortsInUse
{
    /// <summary>The first entry of <paramref name="urls"/> (<c>;</c>-separated) whose port is taken, or null.</summary>
    public static string? FindTaken(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                // ServerUrlsValidator reports it, naming the setting.
                continue;
            }

            if (!address.IsUnixPipe && address.Port is > 0 and <= IPEndPoint.MaxPort && IsTaken(address.Host, address.Port))
            {
                return url;
            }
        }

        return null;
    }

    private static bool IsTaken(string host, int port)
    {
        // Kestrel binds a host name other than localhost to every interface.
        var ip = IPAddress.TryParse(host, out var parsed) ? parsed
            : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.IPv6Any;
        try
        {
            using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (ip.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(ip, port));
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Anything else (no IPv6, no such address) is Kestrel's to report.
            return false;
        }
    }
}
