using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Web.Infrastructure;

/// <summary>Where the API is and how the web app signs users in with it (section "Web").</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Base address of the API host, e.g. http://127.0.0.1:5080/ (the typed client appends api/v1/...).</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = string.Empty;

    /// <summary>The OpenID Connect issuer: the API host itself.</summary>
    [Required, Url]
    public string Authority { get; set; } = string.Empty;

    [Required]
    public string ClientId { get; set; } = "rs-web";

    /// <summary>Only when the API seeded rs-web as a confidential client; pass it through the environment (Web__ClientSecret).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The access token is refreshed when it has less than this left, so an API call never carries an expired one.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a signed-in session lasts without activity (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often the screening progress panel asks for news while the worker runs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan ProgressPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long reference data that changes only with the API's configuration (disposition reasons) is kept.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReferenceDataLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
