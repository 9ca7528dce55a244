using System.Diagnostics;
using System.Text.Json;
using StudyBot.IntegrationTests.Validation;

namespace StudyBot.IntegrationTests.Discord;

/// <summary>
/// Signs bodies with an independent Ed25519 implementation: tests/data/specs/tools/sign-discord.mjs on npm's tweetnacl
/// (installed by tests/run.sh with <c>npm ci --prefix tests/js</c>).
/// </summary>
internal static class NodeSigner
{
    /// <summary>A fixed test seed (not a real application's key).</summary>
    public const string SeedHex = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    public sealed record Signature(string PublicKeyHex, string SignatureHex, string Timestamp);

    public static async Task<Signature> SignAsync(byte[] body, long unixTimestamp, string seedHex = SeedHex)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "data", "specs", "tools", "sign-discord.mjs");
        var jsDirectory = JsTools.Directory;
        JsTools.RequireInstalled("tweetnacl");
        var bodyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(bodyFile, body);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = jsDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { script, bodyFile, seedHex, unixTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "sign-discord.mjs failed: " + error);
            using var json = JsonDocument.Parse(output);
            return new Signature(
                json.RootElement.GetProperty("publicKeyHex").GetString()!,
                json.RootElement.GetProperty("X-Signature-Ed25519").GetString()!,
                json.RootElement.GetProperty("X-Signature-Timestamp").GetString()!);
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }
}
