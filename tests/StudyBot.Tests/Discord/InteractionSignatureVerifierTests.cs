using System.Text;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using StudyBot.Discord.Interactions;

namespace StudyBot.Tests.Discord;

public class InteractionSignatureVerifierTests
{
    // RFC 8032 section 7.1, TEST 1.
    private const string RfcSecret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string RfcPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string RfcEmptySignature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000);

    private static string Sign(string timestamp, string body)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(RfcSecret), KeyBlobFormat.RawPrivateKey);
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));
    }

    [Fact]
    public void Rfc8032Test1_KeyAndSignature_MatchTheVector()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(RfcSecret), KeyBlobFormat.RawPrivateKey);

        Assert.Equal(RfcPublic, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(RfcEmptySignature, Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [])));
    }

    [Fact]
    public void IsValid_FreshSignatureByTheKey_True()
    {
        var verifier = new InteractionSignatureVerifier(RfcPublic, new FakeTimeProvider(Now));
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(verifier.IsValid(Sign(timestamp, "{\"type\":1}"), timestamp, "{\"type\":1}"u8));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void IsValid_TimestampSkew_FiveMinutesAllowed(int skewSeconds, bool expected)
    {
        var verifier = new InteractionSignatureVerifier(RfcPublic, new FakeTimeProvider(Now));
        var timestamp = (Now.ToUnixTimeSeconds() + skewSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, verifier.IsValid(Sign(timestamp, "{}"), timestamp, "{}"u8));
    }

    [Theory]
    [InlineData(null, "1764000000")]
    [InlineData("00", "1764000000")]
    [InlineData("SIG", null)]
    [InlineData("SIG", "-1764000000")]
    [InlineData("SIG", "1764000000.5")]
    [InlineData("SIG", "99999999999999999999")]
    public void IsValid_MalformedHeaders_False(string? signature, string? timestamp)
    {
        var verifier = new InteractionSignatureVerifier(RfcPublic, new FakeTimeProvider(Now));
        var good = Sign("1764000000", "{}");

        Assert.False(verifier.IsValid(signature == "SIG" ? good : signature, timestamp, "{}"u8));
    }
}
