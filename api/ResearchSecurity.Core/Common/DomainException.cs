namespace ResearchSecurity.Core.Common;

/// <summary>
/// A workflow rule refused a change (e.g. submitting a withdrawn proposal). The API answers 409.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
