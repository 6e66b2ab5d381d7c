using System.ComponentModel.DataAnnotations;

namespace ResearchSecurity.Core.Reviews;

/// <summary>Review settings the research-integrity office can change without a release.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>
    /// Reasons a reviewer may give for clearing a hit as a false positive (free text is required too). Configuration
    /// replaces the defaults below (the list starts empty so the binder does not append to them).
    /// </summary>
    [MinLength(1)]
    public List<string> FalsePositiveReasons { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultFalsePositiveReasons =
    [
        "Different organisation with a similar name",
        "Different country or location",
        "Generic words only",
        "Unlisted unit of a listed parent",
        "Listing has ended",
        "Other",
    ];
}
