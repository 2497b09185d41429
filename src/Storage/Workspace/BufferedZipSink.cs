namespace Cockpit.Storage.Workspace;

/// <summary>
/// The stream a <see cref="System.IO.Compression.ZipArchive"/> writes into, kept in memory until
/// <see cref="DrainAsync"/> passes it on asynchronously.
/// </summary>
/// <remarks>
/// ZipArchive writes synchronously when an entry's stream or the archive is disposed (even through DisposeAsync, as
/// of .NET 10), and ASP.NET Core refuses synchronous writes to a response. The writer drains after every chunk, so
/// the buffer holds at most one chunk's compressed output plus an entry's trailer or the central directory.
/// </remarks>
internal sealed class BufferedZipSink : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public long PendingBytes => _pending.Length;

    public async Task DrainAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (_pending.Length == 0) return;
        await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _pending.Dispose();
        base.Dispose(disposing);
    }
}
