using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ResearchSecurity.Core.Audit.Anchoring;

/// <summary>
/// A signed statement "the audit chain had <see cref="Sequence"/> events and its head hash was <see cref="Hash"/> at
/// <see cref="SignedAt"/>", kept outside the database. The signature is ECDSA P-256 over SHA-256 of
/// <see cref="Payload"/>; <see cref="KeyId"/> names the key (SHA-256 of its public key, shortened).
/// </summary>
public sealed record AuditDigest(long Sequence, string Hash, DateTimeOffset SignedAt, string KeyId, string Signature)
{
    public byte[] Payload() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"rs-audit-digest-v1\n{Sequence}\n{Hash}\n{SignedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}\n{KeyId}"));

    public static AuditDigest Sign(long sequence, string hash, DateTimeOffset signedAt, ECDsa key)
    {
        var unsigned = new AuditDigest(sequence, hash, signedAt, AuditAnchorKeys.KeyId(key), "");
        return unsigned with { Signature = Convert.ToBase64String(key.SignData(unsigned.Payload(), HashAlgorithmName.SHA256)) };
    }

    public bool IsSignedBy(ECDsa key)
    {
        if (KeyId != AuditAnchorKeys.KeyId(key)) return false;
        try { return key.VerifyData(Payload(), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256); }
        catch (FormatException) { return false; }
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
