namespace ModelHub.Downloads;

/// <summary>A file whose bytes were checked: its size, its SHA-256, and whether a hub hash confirmed it (else only its size could).</summary>
internal sealed record VerifiedFile(long Size, string Sha256, bool Verified);
