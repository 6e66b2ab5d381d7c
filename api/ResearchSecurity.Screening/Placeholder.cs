namespace ResearchSecurity.Screening;

internal static class Placeholder;
