using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using StudyBot.Discord.Gateway;

namespace StudyBot.Tests.Discord;

public class GatewayInflaterTests
{
    /// <summary>What Discord sends: each message written to one zlib stream for the connection and sync-flushed.</summary>
    private static List<byte[]> Compress(params string[] messages)
    {
        using var wire = new MemoryStream();
        using var zlib = new ZLibStream(wire, CompressionLevel.Optimal, leaveOpen: true);
        var frames = new List<byte[]>();
        foreach (var message in messages)
        {
            wire.SetLength(0);
            zlib.Write(Encoding.UTF8.GetBytes(message));
            zlib.Flush();
            frames.Add(wire.ToArray());
        }

        return frames;
    }

    [Fact]
    public void Append_MessagesOfOneStream_EachInflatedWithTheSharedContext()
    {
        var frames = Compress("""{"op":10,"d":{"heartbeat_interval":41250}}""", """{"op":11}""", """{"op":0,"t":"READY","s":1}""");
        using var inflater = new GatewayInflater(1024 * 1024);

        var messages = frames.Select(f => Encoding.UTF8.GetString(inflater.Append(f)!)).ToList();

        Assert.Equal(["""{"op":10,"d":{"heartbeat_interval":41250}}""", """{"op":11}""", """{"op":0,"t":"READY","s":1}"""], messages);
    }

    [Fact]
    public void Append_MessageInTwoParts_NullUntilTheSyncFlushMarker()
    {
        var frame = Compress("""{"op":0,"t":"MESSAGE_CREATE","s":2}""")[0];
        using var inflater = new GatewayInflater(1024 * 1024);

        Assert.Null(inflater.Append(frame.AsSpan(0, frame.Length - 4)));
        Assert.Equal("""{"op":0,"t":"MESSAGE_CREATE","s":2}""", Encoding.UTF8.GetString(inflater.Append(frame.AsSpan(frame.Length - 4))!));
    }

    [Fact]
    public void Append_SmallFrameInflatingPastTheLimit_Throws()
    {
        var frame = Compress(new string(' ', 2 * 1024 * 1024))[0];
        using var inflater = new GatewayInflater(64 * 1024);

        Assert.True(frame.Length < 64 * 1024);
        Assert.Throws<WebSocketException>(() => inflater.Append(frame));
    }

    [Fact]
    public void Append_CompressedBytesPastTheLimitWithoutAMarker_Throws()
    {
        using var inflater = new GatewayInflater(1024);

        inflater.Append(new byte[1000]);
        Assert.Throws<WebSocketException>(() => inflater.Append(new byte[100]));
    }
}
