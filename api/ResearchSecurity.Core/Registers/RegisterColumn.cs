namespace ResearchSecurity.Core.Registers;

/// <summary>How a register cell is written: text (neutralised), or a real date, time or number Excel can sort and sum.</summary>
public enum RegisterCellKind { Text, Date, Timestamp, Amount, Whole, Decimal }

/// <summary>One column of a register sheet: its header, how its cells are typed, and its width in characters.</summary>
public sealed record RegisterColumn(string Header, RegisterCellKind Kind = RegisterCellKind.Text, double Width = 18);

/// <summary>
/// One register as a sheet: the columns and the rows, streamed (a row is an array of values in column order:
/// string, DateOnly, DateTimeOffset, decimal, double, int or long, or null for an empty cell).
/// </summary>
public sealed record RegisterSheet(string Name, IReadOnlyList<RegisterColumn> Columns, IAsyncEnumerable<object?[]> Rows);

/// <summary>What the "About" sheet says: which register, with which filters, when and by whom.</summary>
public sealed record RegisterExportInfo(string Title, DateTimeOffset ExportedAt, string ExportedBy, IReadOnlyList<(string Name, string Value)> Filters);
