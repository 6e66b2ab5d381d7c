using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ResearchSecurity.Api.Identity;

/// <summary>
/// Where the server's signing and encryption keys come from: configured certificate files in production, a key
/// pair generated once into the ignored .data folder in Development (so tokens survive restarts), in-memory keys
/// in tests.
/// </summary>
public static class TokenKeys
{
    public static void Configure(OpenIddictServerBuilder server, AuthOptions auth, IHostEnvironment env)
    {
        if (auth.UseEphemeralKeys)
        {
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            return;
        }
        if (env.IsDevelopment() && auth.SigningCertificate?.Path is null)
        {
            var folder = auth.DevelopmentKeyFolder ?? Path.GetFullPath(Path.Combine(env.ContentRootPath, "..", "..", ".data", "keys"));
            server.AddSigningCertificate(LoadOrCreate(Path.Combine(folder, "signing.pfx"), X509KeyUsageFlags.DigitalSignature))
                .AddEncryptionCertificate(LoadOrCreate(Path.Combine(folder, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment));
            return;
        }
        server.AddSigningCertificate(Load(auth.SigningCertificate, "Auth:SigningCertificate"))
            .AddEncryptionCertificate(Load(auth.EncryptionCertificate, "Auth:EncryptionCertificate"));
    }

    private static X509Certificate2 Load(CertificateFile? file, string key)
    {
        if (string.IsNullOrWhiteSpace(file?.Path) || !File.Exists(file.Path))
            throw new InvalidOperationException($"{key}:Path must name an existing PKCS#12 file outside Development and Testing.");
        return X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
    }

    internal static X509Certificate2 LoadOrCreate(string path, X509KeyUsageFlags usage)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest($"CN=ResearchSecurity development {usage}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            var now = DateTimeOffset.UtcNow;
            using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
            // Write then move, so a concurrently starting process never reads half a file.
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temp, certificate.Export(X509ContentType.Pfx));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
