using System.Net.Http.Headers;
using System.Text;

namespace ResearchSecurity.Api.Tests.Infrastructure;

/// <summary>Visitor import files as departments send them: the template's header and rows of CSV, or an XLSX.</summary>
public static class VisitorFiles
{
    public const string Header = "Name,Native name,E-mail,ORCID,Affiliation,Affiliation country,Affiliation kind,Affiliation start,Host department,Host PI,Visit start,Visit end,Sponsor,Proposal id";

    public static byte[] Csv(IEnumerable<string> rows, string header = Header) =>
        Encoding.UTF8.GetBytes(header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

    public static MultipartFormDataContent Multipart(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>A realistic visitor row; <paramref name="n"/> makes the e-mail and name unique.</summary>
    public static string Row(int n, string affiliation = "School of Physics, Harbin Institute of Technology, Harbin", string country = "CN",
        string visitStart = "2027-02-01", string visitEnd = "2027-07-31", string? email = null, string orcid = "", string proposalId = "") =>
        $"Visitor {n},,{email ?? $"visitor{n}.{Guid.NewGuid():N}@example.edu.cn"},{orcid},\"{affiliation}\",{country},Employment,2018-09-01,Department of Physics,Prof. A. Smith,{visitStart},{visitEnd},China Scholarship Council,{proposalId}";
}
