using System.Reflection;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ResearchSecurity.Core.Audit;
using ResearchSecurity.Core.Data;

namespace ResearchSecurity.Core.Risk;

/// <summary>The policy in force, and the three policies the product ships (institution default, Canada STRAC, US DoD matrix).</summary>
public static class RiskPolicies
{
    public const string InstitutionDefault = "institution-default";
    public static readonly IReadOnlyList<string> Shipped = [InstitutionDefault, "canada-strac", "us-dod-decision-matrix"];

    public sealed record InForce(int Version, string PolicyId, RiskPolicyDocument Document);

    public static byte[] ShippedBytes(string id)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"risk-policy:{id}")
            ?? throw new ArgumentException($"No shipped policy \"{id}\".", nameof(id));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The active version; before any is stored, the shipped institution default (version 0).</summary>
    public static async Task<InForce> ActiveAsync(ResearchSecurityDbContext db, CancellationToken ct)
    {
        var active = await db.RiskPolicyVersions.AsNoTracking().Where(v => v.Status == RiskPolicyStatus.Active)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (active is not null) return new InForce(active.Number, active.PolicyId, active.Parse());
        var builtIn = RiskPolicyValidator.Parse(ShippedBytes(InstitutionDefault)).Document!;
        return new InForce(0, builtIn.Id!, builtIn);
    }

    /// <summary>
    /// First start: stores the shipped policies as versions 1–3 and puts the institution default in force. Does
    /// nothing once any version exists.
    /// </summary>
    public static async Task SeedAsync(ResearchSecurityDbContext db, CancellationToken ct)
    {
        if (await db.RiskPolicyVersions.AnyAsync(ct)) return;
        var now = db.Clock.GetUtcNow();
        var number = 0;
        foreach (var id in Shipped)
        {
            var bytes = ShippedBytes(id);
            var document = RiskPolicyValidator.Parse(bytes).Document!;
            var version = RiskPolicyVersion.Create(++number, document, System.Text.Encoding.UTF8.GetString(bytes), Hash(bytes), "system", now);
            db.RiskPolicyVersions.Add(version);
            db.Audit(AuditEventType.RiskPolicyUploaded, nameof(RiskPolicyVersion), version.Id, null,
                AuditChanges.Of(null, new { version.Number, version.PolicyId, version.DocumentHash }), "Shipped policy.");
            if (id == InstitutionDefault)
            {
                version.Activate(null, "system", now);
                db.Audit(AuditEventType.RiskPolicyActivated, nameof(RiskPolicyVersion), version.Id, null,
                    AuditChanges.Of(null, new { ActiveVersion = version.Number, version.PolicyId }));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
