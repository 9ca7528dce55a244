using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace StudyBot.IntegrationTests.Host;

public class ReloadUnderLoadTests
{
    private static readonly string[] Questions =
    [
        "Is EBS encrypted by default?",
        "Can we create un-encrypted EBS volume from an encrypted snapshot?",
        "What does AWS Shield protect against?",
        "What is KMS used for?",
        "How do I rotate keys in Cloud KMS?",
    ];

    [Fact]
    public async Task Reload_TwentyTimesWhileClientsAsk_NoFailedRequestAndEveryCitationIsARealLine()
    {
        await using var server = await BotServer.StartAsync(
            [new("Knowledge:AutoReload", "false"), new("Chat:RateLimit:TokenLimit", "100000000"), new("Chat:RateLimit:TokensPerPeriod", "100000000")]);
        var maxLines = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(server.KnowledgeFolder, "*.md", SearchOption.AllDirectories))
        {
            maxLines[Path.GetRelativePath(server.KnowledgeFolder, file).Replace('\\', '/')] = CountLines(File.ReadAllBytes(file));
        }

        var failures = new ConcurrentQueue<string>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            for (var i = client; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var (status, reply) = await server.AskAsync(Questions[i % Questions.Length], $"client-{client}");
                    var kind = reply.GetProperty("kind").GetString();
                    if (status != 200 || kind is not ("answer" or "declined"))
                    {
                        failures.Enqueue($"{status} {kind}: {reply.GetProperty("markdown").GetString()}");
                        continue;
                    }

                    foreach (var citation in reply.GetProperty("citations").EnumerateArray())
                    {
                        var file = citation.GetProperty("file").GetString()!;
                        var (start, end) = (citation.GetProperty("lineStart").GetInt32(), citation.GetProperty("lineEnd").GetInt32());
                        if (!maxLines.TryGetValue(file, out var lines) || start < 1 || end < start || end > lines)
                        {
                            failures.Enqueue($"citation {file} {start}-{end} is not in the file ({lines} lines)");
                        }
                    }

                    if (kind == "answer")
                    {
                        Interlocked.Increment(ref answered);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    failures.Enqueue(exception.GetType().Name + ": " + exception.Message);
                }
            }
        })).ToList();

        var reloads = new List<string>();
        for (var round = 1; round <= 20; round++)
        {
            var name = $"extra-{round % 4}.md";
            var text = $"# Extra notes {round}\n\nCloud KMS\n- keys in Cloud KMS are rotated every {round * 10} days\n- round {round}\n";
            maxLines.AddOrUpdate(name, CountLines(System.Text.Encoding.UTF8.GetBytes(text)), (_, old) => Math.Max(old, CountLines(System.Text.Encoding.UTF8.GetBytes(text))));
            await File.WriteAllTextAsync(Path.Combine(server.KnowledgeFolder, name), text);
            var broken = Path.Combine(server.KnowledgeFolder, "broken.md");
            if (round == 10)
            {
                await File.WriteAllBytesAsync(broken, [0x23, 0x20, 0xC3, 0x28, 0x0A, 0xFF, 0xFE, 0x0A]);
            }
            else if (File.Exists(broken))
            {
                File.Delete(broken);
            }

            var (status, reply) = await server.AskAsync("reload", "admin", admin: true);
            Assert.Equal(200, status);
            reloads.Add(reply.GetProperty("markdown").GetString()!);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.True(answered > 20, $"only {answered} answers during the reloads");
        // A reload that failed says why only in the log: show its errors with the reply.
        var errors = string.Join('\n', server.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error));
        Assert.All(reloads, r => Assert.True(r.StartsWith("**Reloaded:**", StringComparison.Ordinal), r + "\n" + errors));
        Assert.True(reloads[9].Contains("`broken.md`", StringComparison.Ordinal), reloads[9]);
        Assert.DoesNotContain("`broken.md`", reloads[11], StringComparison.Ordinal);
    }

    /// <summary>Lines as <c>sed -n</c> counts them: only '\n' ends a line; a last line without one still counts.</summary>
    private static int CountLines(byte[] bytes)
    {
        var lines = bytes.Count(b => b == (byte)'\n');
        return bytes.Length > 0 && bytes[^1] != (byte)'\n' ? lines + 1 : lines;
    }
}
