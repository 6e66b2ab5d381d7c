using System.Globalization;
using System.Text.Json;

namespace ResearchSecurity.Core.Audit.Anchoring;

/// <summary>
/// The digests as files in a folder outside the database, one per signing, never overwritten (created with
/// create-new). A file store by default; the folder can be a mounted WORM share or synced to an object store.
/// </summary>
public static class AuditDigestStore
{
    public static void Append(string directory, AuditDigest digest)
    {
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture, $"{digest.Sequence:D12}-{digest.SignedAt.UtcDateTime:yyyyMMddTHHmmssfffffffZ}.json");
        using var file = new FileStream(Path.Combine(directory, name), FileMode.CreateNew, FileAccess.Write);
        JsonSerializer.Serialize(file, digest, AuditDigest.Json);
    }

    /// <summary>Every digest in the folder, oldest chain position first; a file that is not a digest is reported, not skipped.</summary>
    public static IReadOnlyList<(string File, AuditDigest? Digest)> ReadAll(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var digests = new List<(string, AuditDigest?)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            AuditDigest? digest;
            try { digest = JsonSerializer.Deserialize<AuditDigest>(File.ReadAllText(path), AuditDigest.Json); }
            catch (JsonException) { digest = null; }
            digests.Add((Path.GetFileName(path), digest));
        }
        return digests;
    }

    public static AuditDigest? Latest(string directory) =>
        ReadAll(directory).Select(d => d.Digest).OfType<AuditDigest>().MaxBy(d => (d.Sequence, d.SignedAt));
}
