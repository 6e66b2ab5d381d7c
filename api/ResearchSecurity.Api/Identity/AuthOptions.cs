using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Api.Identity;

/// <summary>OpenID Connect server, token validation, sign-in and SSO settings (section "Auth").</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Absolute issuer URI, e.g. https://rs.example.edu/. Tokens from any other issuer are refused.</summary>
    [Required, Url]
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The API resource: the only accepted access-token audience.</summary>
    [Required]
    public string Audience { get; set; } = "rs-api";

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>In-memory keys that die with the process. Allowed in the Testing environment only.</summary>
    public bool UseEphemeralKeys { get; set; }

    /// <summary>Development only: where the generated key pair is kept (default: the repository's ignored .data/keys).</summary>
    public string? DevelopmentKeyFolder { get; set; }

    /// <summary>PKCS#12 file for signing tokens; required outside Development/Testing.</summary>
    public CertificateFile? SigningCertificate { get; set; }

    /// <summary>PKCS#12 file for encrypting codes and refresh tokens; required outside Development/Testing.</summary>
    public CertificateFile? EncryptionCertificate { get; set; }

    [Required]
    public WebClientSettings WebClient { get; set; } = new();

    [Required]
    public IntegrationClientSettings IntegrationClient { get; set; } = new();

    [Required]
    public RateLimitSettings RateLimit { get; set; } = new();

    [Required]
    public LockoutSettings Lockout { get; set; } = new();

    /// <summary>The university's OpenID Connect provider; off when Authority is empty.</summary>
    public ExternalProviderSettings External { get; set; } = new();
}

public sealed class CertificateFile
{
    public string? Path { get; set; }

    /// <summary>Supply through the environment (Auth__SigningCertificate__Password), never in a committed file.</summary>
    public string? Password { get; set; }
}

/// <summary>The server-rendered web app: authorization code + PKCE, refresh tokens.</summary>
public sealed class WebClientSettings
{
    [Required] public string ClientId { get; set; } = "rs-web";

    /// <summary>Optional: when set the client is confidential and must authenticate at the token endpoint.</summary>
    public string? ClientSecret { get; set; }

    public string[] RedirectUris { get; set; } = [];
    public string[] PostLogoutRedirectUris { get; set; } = [];
}

/// <summary>A machine client (e.g. the grant-management system) using client credentials, limited to its scopes.</summary>
public sealed class IntegrationClientSettings
{
    [Required] public string ClientId { get; set; } = "rs-grants";
    public string DisplayName { get; set; } = "Grant-management integration";

    /// <summary>When absent the client is created only by --seed-users, which generates and prints a secret once.</summary>
    public string? ClientSecret { get; set; }

    public string[] Scopes { get; set; } = [];
}

/// <summary>Fixed window per client address on the token endpoint and on sign-in form posts.</summary>
public sealed class RateLimitSettings
{
    [Range(1, 100_000)] public int PermitLimit { get; set; } = 10;
    [Range(1, 3600)] public int WindowSeconds { get; set; } = 60;
}

public sealed class LockoutSettings
{
    [Range(1, 100)] public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class ExternalProviderSettings
{
    public const string Scheme = "university";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "University single sign-on";

    /// <summary>Claim that carries the user's groups in the provider's ID token or userinfo.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Provider group → product role, e.g. "rs-reviewers": "IntegrityReviewer".</summary>
    public Dictionary<string, string> GroupRoles { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
