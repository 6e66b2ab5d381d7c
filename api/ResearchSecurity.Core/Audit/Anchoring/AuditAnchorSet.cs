using System.Security.Cryptography;

namespace ResearchSecurity.Core.Audit.Anchoring;

/// <summary>
/// The digests a verification checks the database against, each signature checked with the trusted key first. One
/// digest that is not signed by that key refuses the whole set: digests from anywhere else prove nothing.
/// </summary>
public sealed record AuditAnchorSet(IReadOnlyList<AuditDigest> Digests, string? Refusal)
{
    public static AuditAnchorSet Load(string directory, ECDsa trusted)
    {
        var digests = new List<AuditDigest>();
        foreach (var (file, digest) in AuditDigestStore.ReadAll(directory))
        {
            if (digest is null) return new([], $"Refused: '{file}' in the digest folder is not a digest.");
            if (!digest.IsSignedBy(trusted))
                return new([], $"Refused: digest '{file}' is not signed by the trusted key (its key id {digest.KeyId}, trusted {AuditAnchorKeys.KeyId(trusted)}); the digests cannot be relied on.");
            digests.Add(digest);
        }
        return new(digests, null);
    }

    public static AuditAnchorSet? FromOptions(AuditAnchorOptions options)
    {
        if (!options.Enabled) return null;
        using var key = AuditAnchorKeys.Verifier(options);
        return Load(options.DigestDirectory!, key);
    }
}
