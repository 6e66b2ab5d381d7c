using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using ResearchSecurity.Api.Identity;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

/// <summary>The API as production would configure it: certificate files, an https issuer, no development sign-in.</summary>
public sealed class ProductionConfigurationTests : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"rs-keys-{Guid.NewGuid():N}");
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await TestDatabase.CreateAsync("rs_prod");

    public Task DisposeAsync()
    {
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ProductionHost_WithCertificateFiles_ServesDiscoveryOverHttpsAndIgnoresDevelopmentHeaders()
    {
        TokenKeys.LoadOrCreate(Path.Combine(_keys, "signing.pfx"), X509KeyUsageFlags.DigitalSignature).Dispose();
        TokenKeys.LoadOrCreate(Path.Combine(_keys, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment).Dispose();
        await using var factory = Production(new()
        {
            ["Auth:SigningCertificate:Path"] = Path.Combine(_keys, "signing.pfx"),
            ["Auth:EncryptionCertificate:Path"] = Path.Combine(_keys, "encryption.pfx"),
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var discovery = await (await client.GetAsync("/.well-known/openid-configuration")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("https://rs.example.edu/", discovery.GetProperty("issuer").GetString());
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, "someone");
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.RolesHeader, Roles.Auditor);
        await (await client.GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void DevelopmentKeys_CreatedOnce_AreReusedAndReadableOnlyByTheOwner()
    {
        var path = Path.Combine(_keys, "signing.pfx");
        using var first = TokenKeys.LoadOrCreate(path, X509KeyUsageFlags.DigitalSignature);
        using var second = TokenKeys.LoadOrCreate(path, X509KeyUsageFlags.DigitalSignature);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.True(first.HasPrivateKey);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task ProductionHost_WithoutCertificates_RefusesToStart()
    {
        await using var factory = Production([]);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("SigningCertificate", error.ToString());
    }

    [Fact]
    public async Task ProductionHost_WithEphemeralKeys_RefusesToStart()
    {
        await using var factory = Production(new() { ["Auth:UseEphemeralKeys"] = "true" });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("UseEphemeralKeys", error.Message);
    }

    [Fact]
    public async Task ProductionHost_AskedToGenerateTheAuditAnchorKey_RefusesToStart()
    {
        TokenKeys.LoadOrCreate(Path.Combine(_keys, "signing.pfx"), X509KeyUsageFlags.DigitalSignature).Dispose();
        TokenKeys.LoadOrCreate(Path.Combine(_keys, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment).Dispose();
        await using var factory = Production(new()
        {
            ["Auth:SigningCertificate:Path"] = Path.Combine(_keys, "signing.pfx"),
            ["Auth:EncryptionCertificate:Path"] = Path.Combine(_keys, "encryption.pfx"),
            ["Audit:Anchor:DigestDirectory"] = Path.Combine(_keys, "digests"),
            ["Audit:Anchor:SigningKeyPath"] = Path.Combine(_keys, "anchor.key.pem"),
            ["Audit:Anchor:GenerateKeysIfMissing"] = "true",
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("GenerateKeysIfMissing", error.ToString());
        Assert.False(File.Exists(Path.Combine(_keys, "anchor.key.pem")));
    }

    private WebApplicationFactory<Program> Production(Dictionary<string, string> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Default", _connectionString);
            builder.UseSetting("Auth:Issuer", "https://rs.example.edu/");
            builder.UseSetting("Api:ApplyMigrationsOnStartup", "true");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });
}
