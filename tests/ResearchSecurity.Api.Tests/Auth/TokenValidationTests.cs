using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ResearchSecurity.Api.Infrastructure;
using ResearchSecurity.Api.Tests.Infrastructure;

namespace ResearchSecurity.Api.Tests.Auth;

/// <summary>
/// Bad tokens are minted from a real one: its claims are altered and re-signed with the server's own key (so only
/// the altered claim can be the reason for refusal), or its bytes are altered without re-signing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenValidationTests(ApiFactory api)
{
    private readonly OidcTestClient _oidc = new(api);

    [Fact]
    public async Task MintedToken_WithServerKeyAndValidClaims_Returns200()
    {
        // Control: proves the minting below yields tokens the API accepts, so each refusal is down to one change.
        var token = await MintAsync(_ => { });
        await (await _oidc.Bearer(token).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WrongAudience_Returns401()
    {
        var token = await MintAsync(c => c["aud"] = "some-other-api");
        await (await _oidc.Bearer(token).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_WrongIssuer_Returns401()
    {
        var token = await MintAsync(c => c["iss"] = "https://attacker.example/");
        await (await _oidc.Bearer(token).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_Expired_Returns401()
    {
        var now = DateTimeOffset.UtcNow;
        var token = await MintAsync(c =>
        {
            c["iat"] = c["nbf"] = now.AddHours(-2).ToUnixTimeSeconds();
            c["exp"] = now.AddHours(-1).ToUnixTimeSeconds();
        });
        await (await _oidc.Bearer(token).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_TamperedSignature_Returns401()
    {
        var token = await RealAuditorTokenAsync();
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        var tampered = $"{parts[0]}.{parts[1]}.{new string(signature)}";
        await (await _oidc.Bearer(tampered).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_PayloadChangedWithoutResigning_Returns401()
    {
        var token = await _oidc.ClientCredentialsAsync("funding.read");
        var parts = token.GetProperty("access_token").GetString()!.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        claims["role"] = Roles.Auditor; // privilege escalation attempt
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.{parts[2]}";
        await (await _oidc.Bearer(forged).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_SignedWithAnotherKey_Returns401()
    {
        using var rsa = RSA.Create(2048);
        var foreignKey = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = ServerKey().Key.KeyId }, SecurityAlgorithms.RsaSha256);
        var token = await MintAsync(_ => { }, foreignKey);
        await (await _oidc.Bearer(token).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_Unsigned_Returns401()
    {
        var claims = await AuditorClaimsAsync();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        var unsigned = $"{header}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.";
        await (await _oidc.Bearer(unsigned).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_IdentityTokenUsedAsAccessToken_Returns401()
    {
        var tokens = await _oidc.SignInWithCodeAsync((await _oidc.CreateUserAsync(Roles.Investigator)).UserName!);
        await (await _oidc.Bearer(tokens.GetProperty("id_token").GetString()!).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_WrongScopeForEndpoint_Returns403()
    {
        var token = await _oidc.ClientCredentialsAsync("funding.read");
        await (await _oidc.Bearer(token.GetProperty("access_token").GetString()!).GetAsync("/api/v1/proposals")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_ValidButWrongRole_Returns403()
    {
        var tokens = await _oidc.SignInWithCodeAsync((await _oidc.CreateUserAsync(Roles.Investigator)).UserName!);
        await (await _oidc.Bearer(tokens.GetProperty("access_token").GetString()!).GetAsync("/api/v1/users")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Request_NoTokenAndNoDevelopmentHeader_Returns401WithBearerChallenge()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/proposals");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private SigningCredentials ServerKey() =>
        api.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials.First();

    private async Task<string> RealAuditorTokenAsync() => await MintAsync(_ => { });

    /// <summary>The claims of a real client-credentials token, plus an Auditor role so it may read proposals.</summary>
    private async Task<Dictionary<string, object>> AuditorClaimsAsync()
    {
        var real = await _oidc.ClientCredentialsAsync("funding.read");
        var jwt = new JsonWebToken(real.GetProperty("access_token").GetString());
        var claims = new Dictionary<string, object>();
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        foreach (var p in payload.RootElement.EnumerateObject())
        {
            claims[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Number => p.Value.GetInt64(),
                JsonValueKind.Array => p.Value.EnumerateArray().Select(x => (object)x.GetString()!).ToList(),
                _ => p.Value.GetString()!,
            };
        }
        claims["role"] = Roles.Auditor;
        return claims;
    }

    private async Task<string> MintAsync(Action<Dictionary<string, object>> change, SigningCredentials? key = null)
    {
        var claims = await AuditorClaimsAsync();
        change(claims);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = key ?? ServerKey(), TokenType = "at+jwt" });
    }
}
