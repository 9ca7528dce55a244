using System.IO.Compression;
using System.Net.WebSockets;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// Discord's <c>zlib-stream</c> transport compression: one zlib context for the whole connection (so later messages
/// reuse the dictionary of earlier ones, which is what makes it pay); a gateway message is complete when the bytes
/// received since the last one end with the sync-flush marker <c>00 00 FF FF</c>, whatever number of WebSocket
/// messages carried them. One per connection: a new connection starts a new zlib stream.
/// </summary>
internal sealed class GatewayInflater : IDisposable
{
    private static readonly byte[] SyncFlush = [0x00, 0x00, 0xFF, 0xFF];
    private readonly PendingInput _input = new();
    private readonly ZLibStream _zlib;
    private readonly MemoryStream _compressed = new();
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly int _maxMessageBytes;

    /// <param name="maxMessageBytes">The largest message, compressed or inflated: a small frame that inflates to
    /// gigabytes (a zlib bomb) ends the connection instead of the process.</param>
    public GatewayInflater(int maxMessageBytes)
    {
        _maxMessageBytes = maxMessageBytes;
        _zlib = new ZLibStream(_input, CompressionMode.Decompress);
    }

    /// <summary>Adds received bytes; returns the inflated message once its marker has arrived, else null.</summary>
    public byte[]? Append(ReadOnlySpan<byte> bytes)
    {
        if (_compressed.Length + bytes.Length > _maxMessageBytes)
        {
            throw new WebSocketException(WebSocketError.HeaderError, "Gateway message too large.");
        }

        _compressed.Write(bytes);
        if (!EndsWithSyncFlush())
        {
            return null;
        }

        _input.Set(_compressed.ToArray());
        _compressed.SetLength(0);
        using var message = new MemoryStream();
        int read;
        while ((read = _zlib.Read(_buffer)) > 0)
        {
            if (message.Length + read > _maxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.HeaderError, "Gateway message too large when inflated.");
            }

            message.Write(_buffer, 0, read);
        }

        return message.ToArray();
    }

    private bool EndsWithSyncFlush()
    {
        if (_compressed.Length < SyncFlush.Length)
        {
            return false;
        }

        var tail = _compressed.GetBuffer().AsSpan((int)_compressed.Length - SyncFlush.Length, SyncFlush.Length);
        return tail.SequenceEqual(SyncFlush);
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _compressed.Dispose();
    }

    /// <summary>The compressed bytes of one message, read once by the zlib stream; empty reads mean "wait for more",
    /// which the inflater tolerates between sync flushes.</summary>
    private sealed class PendingInput : Stream
    {
        private byte[] _bytes = [];
        private int _position;

        public void Set(byte[] bytes)
        {
            _bytes = bytes;
            _position = 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, _bytes.Length - _position);
            _bytes.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
