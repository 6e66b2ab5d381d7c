namespace ResearchSecurity.Screening.Matching;

public enum CountryAgreement
{
    /// <summary>The text (or the country hint) gives no country, or the entity has none.</summary>
    Unknown,
    Agrees,
    /// <summary>The text names only other countries: a US address does not confirm a Chinese entity.</summary>
    Conflicts,
}
