using System.IO.Compression;
using System.Text;

namespace ResearchSecurity.Api.Tests.Security;

/// <summary>Small XLSX files that ask for a lot of work: built with the zip writer, not OpenXml, so they can lie.</summary>
public static class HostileWorkbooks
{
    /// <summary>A workbook whose shared-strings part inflates to <paramref name="inflatedMegabytes"/> MB of one repeated string.</summary>
    public static byte[] SharedStringsBomb(int inflatedMegabytes) => Build(sheet: """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""", sharedStrings: s =>
    {
        s.Write("<si><t>name</t></si>"u8);
        var item = Encoding.UTF8.GetBytes("<si><t>" + new string('A', 1000) + "</t></si>");
        for (long written = 0; written < inflatedMegabytes * 1024L * 1024; written += item.Length) s.Write(item);
    });

    /// <summary>The same bomb with its zip headers lying: the shared-strings part claims to inflate to 1 KB.</summary>
    public static byte[] LyingSharedStringsBomb(int inflatedMegabytes)
    {
        var bytes = SharedStringsBomb(inflatedMegabytes);
        var name = Encoding.ASCII.GetBytes("xl/sharedStrings.xml");
        // Local header (PK\x03\x04): uncompressed size at +22, name at +30. Central directory (PK\x01\x02): size at +24, name at +46.
        for (var i = 0; i + 46 + name.Length < bytes.Length; i++)
        {
            if (bytes[i] != 'P' || bytes[i + 1] != 'K') continue;
            var (sizeAt, nameAt) = (bytes[i + 2], bytes[i + 3]) switch { (3, 4) => (22, 30), (1, 2) => (24, 46), _ => (-1, -1) };
            if (sizeAt < 0 || !bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name)) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(i + sizeAt, 4), 1024u);
        }
        return bytes;
    }

    /// <summary>A header row and <paramref name="rows"/> rows that each hold an id but no name.</summary>
    public static byte[] ManyNamelessRows(int rows) => Build(sheetWriter: s =>
    {
        s.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>id</t></is></c></row>"""u8);
        for (var r = 2; r <= rows + 1; r++) s.Write(Encoding.UTF8.GetBytes($"""<row r="{r}"><c r="B{r}"><v>{r}</v></c></row>"""));
    });

    private static byte[] Build(string? sheet = null, Action<Stream>? sharedStrings = null, Action<Stream>? sheetWriter = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Text(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Text(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Text(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Part(zip, "xl/worksheets/sheet1.xml", s =>
            {
                s.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
                if (sheetWriter is not null) sheetWriter(s); else s.Write(Encoding.UTF8.GetBytes(sheet ?? ""));
                s.Write("</sheetData></worksheet>"u8);
            });
            Part(zip, "xl/sharedStrings.xml", s =>
            {
                s.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""u8);
                sharedStrings?.Invoke(s);
                s.Write("</sst>"u8);
            });
        }
        return buffer.ToArray();
    }

    private static void Text(ZipArchive zip, string name, string content) => Part(zip, name, s => s.Write(Encoding.UTF8.GetBytes(content)));

    private static void Part(ZipArchive zip, string name, Action<Stream> write)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        write(s);
    }
}
