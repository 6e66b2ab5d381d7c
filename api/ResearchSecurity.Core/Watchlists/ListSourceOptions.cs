using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Core.Watchlists;

/// <summary>How URL-sourced lists are fetched (section "ListSources"). The size cap is <c>Jobs:MaxListFileBytes</c>.</summary>
public sealed class ListSourceOptions
{
    public const string Section = "ListSources";

    /// <summary>Whole download, redirects included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 3;

    /// <summary>
    /// Loopback, link-local and private addresses are refused (cloud metadata, internal services). Only for a local
    /// run that serves lists from this machine; never in production.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// A refreshed version that would remove more than this share of the active version's entities is stored but not
    /// activated: it waits for an administrator (POST …/versions/{n}/activate).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxRemovedShare { get; set; } = 0.2;
}
