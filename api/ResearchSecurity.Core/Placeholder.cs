namespace ResearchSecurity.Core;
internal static class Placeholder;
