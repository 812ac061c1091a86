using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>A file of a repository at some commit: its path and what its bytes are.</summary>
internal sealed record HfFile(string Path, FileSpec Spec)
{
    /// <summary>
    /// Binary content is stored in LFS (the repo's .gitattributes tracks it, as the Hub's upload does), so are
    /// text files beyond git's size limit; other text files are plain git blobs.
    /// </summary>
    public bool IsLfs => Spec.Layout != FileLayout.Text || Spec.Size > FileHashes.GitBlobLimit;

    /// <summary>The file name without folders.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>A file's identity as the Hub reports it, from the bytes the emulator serves.</summary>
/// <param name="Oid">The git blob id: of the content for git files, of the LFS pointer for LFS files.</param>
/// <param name="Size">The real size of the content.</param>
/// <param name="Lfs">The LFS part, for LFS files.</param>
internal sealed record HfBlob(string Oid, long Size, HfLfsBlob? Lfs)
{
    public static HfBlob Of(HfFile file, FileHashes hashes)
    {
        if (!file.IsLfs)
        {
            return new HfBlob(hashes.GitBlobSha1!, file.Spec.Size, null);
        }

        var pointer = GitObjects.LfsPointer(hashes.Sha256, file.Spec.Size);
        return new HfBlob(
            GitObjects.BlobId(pointer),
            file.Spec.Size,
            new HfLfsBlob(hashes.Sha256, System.Text.Encoding.UTF8.GetByteCount(pointer), GitObjects.XetHash(hashes.Sha256)));
    }

    /// <summary>What ETag/X-Linked-Etag carry: the SHA-256 for LFS files, the git blob id otherwise.</summary>
    public string Etag => Lfs?.Sha256 ?? Oid;
}

/// <param name="Sha256">lfs.oid in trees, lfs.sha256 in siblings, X-Linked-Etag.</param>
/// <param name="PointerSize">Bytes of the pointer file git stores.</param>
/// <param name="XetHash">X-Xet-Hash and the tree's xetHash: every LFS file on the Hub is Xet-backed now.</param>
internal sealed record HfLfsBlob(string Sha256, int PointerSize, string XetHash);
