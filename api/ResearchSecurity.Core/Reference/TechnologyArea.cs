namespace ResearchSecurity.Core.Reference;

/// <summary>
/// Controlled vocabulary for a proposal's technology areas. <see cref="IsSensitive"/> marks the areas that
/// sensitive-technology rules (e.g. Canada's STRA list) treat as high risk when combined with a listed partner.
/// </summary>
public sealed class TechnologyArea
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public bool IsSensitive { get; init; }

    public static readonly IReadOnlyList<TechnologyArea> Seed =
    [
        new() { Code = "quantum", Name = "Quantum science and technology", IsSensitive = true },
        new() { Code = "ai", Name = "Artificial intelligence and big data", IsSensitive = true },
        new() { Code = "aerospace", Name = "Aerospace, space and satellite technology", IsSensitive = true },
        new() { Code = "advanced-materials", Name = "Advanced materials and manufacturing", IsSensitive = true },
        new() { Code = "sensing", Name = "Advanced sensing and surveillance", IsSensitive = true },
        new() { Code = "biotech", Name = "Biotechnology", IsSensitive = true },
        new() { Code = "weapons", Name = "Weapons, munitions and defence systems", IsSensitive = true },
        new() { Code = "advanced-computing", Name = "Advanced computing and semiconductors", IsSensitive = true },
        new() { Code = "robotics", Name = "Robotics and autonomous systems", IsSensitive = true },
        new() { Code = "energy", Name = "Advanced energy and propulsion", IsSensitive = true },
        new() { Code = "cyber", Name = "Cyber security and cryptography", IsSensitive = true },
        new() { Code = "communications", Name = "Next-generation communications", IsSensitive = true },
        new() { Code = "life-sciences", Name = "Life sciences and medicine", IsSensitive = false },
        new() { Code = "environment", Name = "Environment and climate", IsSensitive = false },
        new() { Code = "social-sciences", Name = "Social sciences and humanities", IsSensitive = false },
        new() { Code = "mathematics", Name = "Mathematics", IsSensitive = false },
        new() { Code = "other", Name = "Other", IsSensitive = false },
    ];
}
