using ResearchSecurity.Core.Common;

namespace ResearchSecurity.Core.Risk;

public enum RiskPolicyStatus { Imported = 0, Active = 1, Superseded = 2 }

/// <summary>
/// One uploaded edition of a risk policy (a JSON <see cref="RiskPolicyDocument"/>), numbered 1, 2, 3… across all
/// policies. Exactly one version is active; a rejected upload never becomes a version, so the one in force stays.
/// </summary>
public sealed class RiskPolicyVersion : Entity
{
    private RiskPolicyVersion() { }

    public int Number { get; private set; }
    public string PolicyId { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    /// <summary>The document exactly as uploaded (validated).</summary>
    public string Document { get; private set; } = string.Empty;
    /// <summary>SHA-256 of the uploaded bytes: the same file again creates no new version.</summary>
    public string DocumentHash { get; private set; } = string.Empty;
    public RiskPolicyStatus Status { get; private set; }
    public string UploadedBy { get; private set; } = string.Empty;
    public DateTimeOffset UploadedAt { get; private set; }
    public string? ActivatedBy { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }

    public string Label => $"{PolicyId} v{Number}";

    public static RiskPolicyVersion Create(int number, RiskPolicyDocument document, string json, string hash, string uploadedBy, DateTimeOffset now) => new()
    {
        Number = number, PolicyId = document.Id!, Name = document.Name!, Document = json, DocumentHash = hash,
        Status = RiskPolicyStatus.Imported, UploadedBy = uploadedBy, UploadedAt = now,
    };

    public RiskPolicyDocument Parse() =>
        RiskPolicyValidator.Parse(System.Text.Encoding.UTF8.GetBytes(Document)).Document
        ?? throw new InvalidOperationException($"Stored policy version {Number} no longer validates.");

    /// <summary>Puts this version in force; the one in force until now (if any) is superseded.</summary>
    public void Activate(RiskPolicyVersion? previous, string actor, DateTimeOffset now)
    {
        if (Status == RiskPolicyStatus.Active) throw new DomainException($"Policy version {Number} is already in force.");
        previous?.Supersede();
        Status = RiskPolicyStatus.Active;
        ActivatedBy = actor;
        ActivatedAt = now;
    }

    private void Supersede() => Status = RiskPolicyStatus.Superseded;
}
