namespace ResearchSecurity.Screening.Model;

public enum ListingStatus
{
    Active,
    Historical,
}
