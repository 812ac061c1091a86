using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Downloads;

/// <summary>
/// Computes the file's SHA-256 (and, for a small Hugging Face file, its git blob sha1) in file order while the
/// parts arrive in any order. Bytes written right at the hashed frontier are hashed in line from the writer's
/// buffer; bytes that arrived ahead of it (another part, or what an earlier process left) are read back from the
/// staging file, from the page cache while still fresh, once the frontier reaches them. Each byte is hashed once.
/// </summary>
internal sealed class FrontierHasher : IDisposable
{
    private const int ReadSize = 1 << 20;

    private readonly object _gate = new();
    private readonly PartTable _parts;
    private readonly string _path;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash? _gitBlob;
    private readonly SemaphoreSlim _wake = new(0);
    private long _hashed;
    private bool _catchingUp;

    /// <param name="gitBlobSize">The file's size when its git blob sha1 is wanted (the blob header comes first); null for none.</param>
    public FrontierHasher(PartTable parts, string path, long? gitBlobSize)
    {
        _parts = parts;
        _path = path;
        if (gitBlobSize is { } size)
        {
            _gitBlob = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
            var header = Encoding.ASCII.GetBytes("blob " + size.ToString(CultureInfo.InvariantCulture) + "\0");
            _gitBlob.AppendData(header);
        }
    }

    /// <summary>
    /// A writer wrote <paramref name="count"/> bytes of <paramref name="buffer"/> at <paramref name="offset"/> in
    /// <paramref name="part"/> and recorded them in the part table: hashed now when they continue the frontier.
    /// </summary>
    public void Written(DownloadPart part, long offset, byte[] buffer, int count)
    {
        lock (_gate)
        {
            if (!_catchingUp && offset == _hashed)
            {
                Append(buffer, count);
                _hashed += count;
                return;
            }

            // Only the part holding the frontier, or one just completed, can move it.
            if (!part.IsComplete && !_parts.Reaches(part, _hashed))
            {
                return;
            }
        }

        Wake();
    }

    /// <summary>Something the frontier may depend on changed (a part completed, the size became known).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>
    /// Reads back and hashes whatever the frontier can reach and the writers did not hash in line, until the whole
    /// file is hashed. Runs beside the connections; ends when every byte of a file of known size is hashed.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        FileStream? file = null;
        var buffer = new byte[ReadSize];
        try
        {
            while (true)
            {
                long from, to;
                lock (_gate)
                {
                    from = _hashed;
                    to = _parts.ContiguousEnd(from);
                    _catchingUp = to > from;
                    if (!_catchingUp && _parts.TotalSize == from)
                    {
                        return;
                    }
                }

                if (to == from)
                {
                    await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                file ??= new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
                file.Position = from;
                for (var offset = from; offset < to;)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, to - offset));
                    if (read == 0)
                    {
                        throw new EndOfStreamException();
                    }

                    Append(buffer, read);
                    offset += read;
                }

                lock (_gate)
                {
                    _hashed = to;
                }
            }
        }
        finally
        {
            file?.Dispose();
        }
    }

    /// <summary>The hashes of a whole file already on disk, read once.</summary>
    public static async Task<(string Sha256, string? GitBlobSha1)> HashFileAsync(string path, bool gitBlob, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        var whole = new PartTable(new[] { new DownloadPart(0, length - 1, length) }, length);
        using var hasher = new FrontierHasher(whole, path, gitBlob ? length : null);
        await Task.Run(() => hasher.RunAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return (hasher.Sha256(), hasher.GitBlobSha1());
    }

    /// <summary>Lowercase hex SHA-256 of everything hashed; call once <see cref="RunAsync"/> has ended.</summary>
    public string Sha256() => Hex(_sha256.GetHashAndReset());

    /// <summary>Lowercase hex git blob sha1, or null when it was not asked for.</summary>
    public string? GitBlobSha1() => _gitBlob is null ? null : Hex(_gitBlob.GetHashAndReset());

    public void Dispose()
    {
        _sha256.Dispose();
        _gitBlob?.Dispose();
        _wake.Dispose();
    }

    internal static string Hex(byte[] hash)
    {
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private void Append(byte[] buffer, int count)
    {
        _sha256.AppendData(buffer, 0, count);
        _gitBlob?.AppendData(buffer, 0, count);
    }
}
