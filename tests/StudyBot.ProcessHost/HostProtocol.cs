using System.Globalization;
using System.Text.Json;
using StudyBot.Web;

namespace StudyBot.ProcessHost;

/// <summary>
/// The lines a test and a host process exchange, one per line. In (standard input): <c>at TIME</c> sets the fake
/// clock (to the same time or later), <c>hang</c> makes every later publish hang (the process dies holding its claim
/// when the test kills it); each is answered <c>host done COMMAND</c> once every background loop is idle again.
/// Out (standard output; the app's log goes to standard error): <c>host ready URL</c> once the server listens,
/// <c>host post JSON</c> for every post a platform received, <c>host hung KEY</c> when a publish enters the hang.
/// </summary>
internal static class HostProtocol
{
    /// <summary>The setting that gives the fake clock's start (ISO 8601).</summary>
    public const string StartSetting = "ProcessHost:Start";

    public const string Hang = "hang";

    private const string Prefix = "host ";
    private const string AtCommand = "at ";
    private const string PostLine = Prefix + "post ";
    private const string HungLine = Prefix + "hung ";
    private const string ReadyLine = Prefix + "ready ";

    public static string At(DateTimeOffset time) => AtCommand + time.ToString("O", CultureInfo.InvariantCulture);

    public static bool TryParseAt(string line, out DateTimeOffset time)
    {
        time = default;
        return line.StartsWith(AtCommand, StringComparison.Ordinal)
            && DateTimeOffset.TryParse(line[AtCommand.Length..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
    }

    public static string Done(string command) => Prefix + "done " + command;

    public static string Ready(string url) => ReadyLine + url;

    public static string? ReadyUrl(string line) => line.StartsWith(ReadyLine, StringComparison.Ordinal) ? line[ReadyLine.Length..] : null;

    public static string Hung(string key) => HungLine + key;

    public static bool IsHung(string line) => line.StartsWith(HungLine, StringComparison.Ordinal);

    public static string HungKey(string line) => line[HungLine.Length..];

    public static string Posted(HostPost post) => PostLine + JsonSerializer.Serialize(post, WebJson.Options);

    /// <summary>The posts reported in <paramref name="output"/>, in order.</summary>
    public static IReadOnlyList<HostPost> Posts(string output) => output.Split('\n')
        .Where(l => l.StartsWith(PostLine, StringComparison.Ordinal))
        .Select(l => JsonSerializer.Deserialize<HostPost>(l[PostLine.Length..], WebJson.Options)!)
        .ToList();
}

/// <summary>One post a platform received: its idempotency key, when (on the fake clock) and what.</summary>
internal sealed record HostPost(string Platform, string ChannelId, string Key, DateTimeOffset At, ReplyDto Reply);
