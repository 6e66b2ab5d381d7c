using System.Security.Cryptography;

namespace ResearchSecurity.Core.Audit.Anchoring;

/// <summary>Loads (and, for local runs, creates) the ECDSA P-256 key pair that signs the chain-head digests.</summary>
public static class AuditAnchorKeys
{
    public static string KeyId(ECDsa key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    public static ECDsa Signer(AuditAnchorOptions options)
    {
        var path = options.SigningKeyPath ?? throw new InvalidOperationException("Audit:Anchor:SigningKeyPath is not set.");
        if (options.GenerateKeysIfMissing) EnsureGenerated(path, options.VerificationKeyPath);
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    /// <summary>The public key verification trusts: the configured public key file, else the signing key's public half.</summary>
    public static ECDsa Verifier(AuditAnchorOptions options)
    {
        if (options.GenerateKeysIfMissing && options.SigningKeyPath is { } signing) EnsureGenerated(signing, options.VerificationKeyPath);
        var key = ECDsa.Create();
        if (options.VerificationKeyPath is { } pub && File.Exists(pub)) key.ImportFromPem(File.ReadAllText(pub));
        else if (options.SigningKeyPath is { } priv && File.Exists(priv)) key.ImportFromPem(File.ReadAllText(priv));
        else throw new InvalidOperationException("No audit anchor verification key: set Audit:Anchor:VerificationKeyPath.");
        return key;
    }

    /// <summary>Creates the pair once; two processes starting together both end up with the same files (create-new wins once).</summary>
    public static void EnsureGenerated(string privatePath, string? publicPath)
    {
        if (!File.Exists(privatePath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(privatePath))!);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                using var file = new FileStream(privatePath, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file);
                writer.Write(key.ExportPkcs8PrivateKeyPem());
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (IOException) when (File.Exists(privatePath)) { }
        }
        if (publicPath is null || File.Exists(publicPath)) return;
        using var signer = ECDsa.Create();
        signer.ImportFromPem(File.ReadAllText(privatePath));
        try { File.WriteAllText(publicPath, signer.ExportSubjectPublicKeyInfoPem()); }
        catch (IOException) when (File.Exists(publicPath)) { }
    }
}
