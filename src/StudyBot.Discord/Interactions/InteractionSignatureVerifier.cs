using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature over the bytes of <c>X-Signature-Timestamp</c> + raw body, and that the
/// timestamp is no more than five minutes off, before anything in the request is parsed.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    /// <summary>How far the signed timestamp may be from now.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private readonly PublicKey _publicKey;
    private readonly TimeProvider _time;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time)
        : this(options.Value.PublicKey ?? throw new InvalidOperationException("Discord:PublicKey is missing."), time)
    {
    }

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time)
    {
        _publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _time = time;
    }

    /// <summary>True only for a well-formed, fresh, valid signature.</summary>
    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: 128 } || string.IsNullOrEmpty(timestamp) || timestamp.Length > 20)
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if ((_time.GetUtcNow() - signedAt).Duration() > MaxSkew)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != 64)
        {
            return false;
        }

        var timestampBytes = Encoding.ASCII.GetByteCount(timestamp);
        var message = new byte[timestampBytes + body.Length];
        Encoding.ASCII.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampBytes));
        return SignatureAlgorithm.Ed25519.Verify(_publicKey, message, signature);
    }
}
