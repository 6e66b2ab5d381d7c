namespace ResearchSecurity.Screening.Text;

/// <summary>
/// A canonical word. <see cref="AfterOf"/> remembers that the dropped word "of" stood right before it, which tells
/// "Tianjin University | of Technology" (a different organisation) from "Tianjin University | School of ...".
/// </summary>
/// <see cref="Unknown"/> marks a word neither listed nor generic (a candidate abbreviation: "Chem", "Phys").
public readonly record struct Token(string Text, bool AfterOf, bool Unknown = false);
