namespace ResearchSecurity.Core.Audit.Anchoring;

/// <summary>
/// Where the signed chain-head digests go and which key signs and checks them. The key lives outside the database (and
/// outside the repository): a database superuser can rewrite every row and recompute every hash, but cannot sign.
/// Anchoring is off when <see cref="DigestDirectory"/> is not set.
/// </summary>
public sealed class AuditAnchorOptions
{
    public const string Section = "Audit:Anchor";

    /// <summary>An append-only folder outside PostgreSQL; digests are added, never overwritten.</summary>
    public string? DigestDirectory { get; set; }

    /// <summary>PEM (PKCS#8) ECDSA P-256 private key; the worker signs with it.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>PEM public key the verification trusts; derived from the signing key when not set.</summary>
    public string? VerificationKeyPath { get; set; }

    /// <summary>Local runs and tests only: create the key pair on first use.</summary>
    public bool GenerateKeysIfMissing { get; set; }

    /// <summary>How often the worker signs the chain head (cron); decisions sign it at once as well.</summary>
    public string Cron { get; set; } = "*/5 * * * *";

    public bool Enabled => !string.IsNullOrWhiteSpace(DigestDirectory);

    public static bool IsValid(AuditAnchorOptions o) =>
        !o.Enabled || !string.IsNullOrWhiteSpace(o.SigningKeyPath) || !string.IsNullOrWhiteSpace(o.VerificationKeyPath);
}
