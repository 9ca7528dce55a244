// A closed-loop load generator for POST /api/chat: N connections, each sends the next question as soon as the
// previous answer arrives. Prints requests/s, answered questions/s and latency percentiles.
// Usage: dotnet run -c Release --project tests/StudyBot.LoadTest -- [--url http://127.0.0.1:5080] [--connections 16]
//        [--seconds 15] [--warmup 3] [--users 64] [--questions tests/data/eval/seed-dev.jsonl]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

var options = Args.Parse(args);

// The seed questions of the eval set when it is there (run from the repo root), else a built-in list.
string[] questions = File.Exists(options.Questions)
    ? [.. File.ReadLines(options.Questions).Where(l => l.Length > 0).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!)]
    :
[
    "Is EBS encrypted by default?",
    "Can we create un-encrypted EBS volume from an encrypted snapshot?",
    "What does AWS Shield protect against?",
    "What is KMS used for?",
    "What is CloudHSM?",
    "How is data encrypted in transit?",
    "What does GuardDuty do?",
    "What is AWS WAF?",
];
var bodies = Enumerable.Range(0, options.Users)
    .SelectMany(u => questions.Select(q => Encoding.UTF8.GetBytes(
        System.Text.Json.JsonSerializer.Serialize(new { userId = $"load-{u}", displayName = $"Load {u}", text = q }))))
    .ToArray();

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, UseProxy = false, UseCookies = false };
using var client = new HttpClient(handler) { BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
client.DefaultRequestVersion = HttpVersion.Version11;

var answerMarker = Encoding.UTF8.GetBytes("\"kind\":\"answer\"");
Console.WriteLine($"Load: {options.Url} POST /api/chat, {questions.Length} questions, {options.Connections} connections, {options.Users} users, warm-up {options.Warmup} s, measure {options.Seconds} s");

await RunAsync(TimeSpan.FromSeconds(options.Warmup), record: false);
var result = await RunAsync(TimeSpan.FromSeconds(options.Seconds), record: true);
result.Print(options.Seconds);
return result.Errors == 0 ? 0 : 1;

async Task<Result> RunAsync(TimeSpan duration, bool record)
{
    var result = new Result();
    var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var workers = Enumerable.Range(0, options.Connections).Select(async worker =>
    {
        var latencies = new List<double>(1 << 16);
        long answered = 0, other = 0, errors = 0;
        for (var i = worker; Stopwatch.GetTimestamp() < end; i += options.Connections)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync("api/chat", content);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors++;
                }
                else if (body.AsSpan().IndexOf(answerMarker) >= 0)
                {
                    answered++;
                }
                else
                {
                    other++;
                }
            }
            catch (HttpRequestException)
            {
                errors++;
            }
            catch (TaskCanceledException)
            {
                errors++;
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (record)
        {
            result.Add(latencies, answered, other, errors);
        }
    });
    await Task.WhenAll(workers);
    return result;
}

internal sealed class Result
{
    private readonly List<double> _latencies = [];

    public long Answered { get; private set; }

    public long Other { get; private set; }

    public long Errors { get; private set; }

    public void Add(List<double> latencies, long answered, long other, long errors)
    {
        lock (_latencies)
        {
            _latencies.AddRange(latencies);
            Answered += answered;
            Other += other;
            Errors += errors;
        }
    }

    public void Print(int seconds)
    {
        _latencies.Sort();
        double P(double q) => _latencies.Count == 0 ? 0 : _latencies[Math.Min(_latencies.Count - 1, (int)(q * _latencies.Count))];
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"requests: {_latencies.Count:N0} in {seconds} s = {_latencies.Count / (double)seconds:N0}/s; answered {Answered:N0} = {Answered / (double)seconds:N0}/s; other replies {Other:N0}; errors {Errors:N0}"));
        Console.WriteLine(string.Create(c, $"latency ms: p50 {P(0.50):0.00}  p90 {P(0.90):0.00}  p99 {P(0.99):0.00}  max {P(1):0.00}"));
    }
}

internal sealed record Args(string Url, int Connections, int Seconds, int Warmup, int Users, string Questions)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Args(Get("url", "http://127.0.0.1:5080"), Int("connections", 16), Int("seconds", 15), Int("warmup", 3), Int("users", 64),
            Get("questions", "tests/data/eval/seed-dev.jsonl"));
    }
}
