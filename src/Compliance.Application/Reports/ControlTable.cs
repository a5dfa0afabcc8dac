using System.Security.Cryptography;
using System.Text.Json;

namespace Compliance.Application.Reports;

/// <summary>
/// The controls each verdict gives evidence for (ISO/IEC 27001, SOC 2, NIS2, DORA), and which finding kinds fall under
/// which row. Read from <c>data/controls.json</c>, shipped inside the service; <see cref="Sha256"/> identifies the
/// table a report used.
/// </summary>
public sealed record ControlTable(string Title, string Note, IReadOnlyList<ControlFramework> Frameworks, IReadOnlyList<ControlRow> Rows, string Sha256)
{
    private const string Resource = "Compliance.Reports.controls.json";
    private static readonly Lazy<ControlTable> Shipped = new(() =>
    {
        using var stream = typeof(ControlTable).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing from the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    });

    public static ControlTable Embedded => Shipped.Value;

    /// <summary>The row a finding kind falls under; null when the table does not map it.</summary>
    public ControlRow? RowFor(string findingKind) => Rows.FirstOrDefault(r => r.Findings.Contains(findingKind, StringComparer.Ordinal));

    /// <summary>Reads a control table; a problem is named with where it is.</summary>
    /// <exception cref="FormatException">the JSON is not a control table.</exception>
    public static ControlTable Parse(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (Text(root, "format") != "compliance-controls/1") throw new FormatException("format: expected \"compliance-controls/1\"");
            var frameworks = root.GetProperty("frameworks").EnumerateArray()
                .Select(f => new ControlFramework(Text(f, "id"), Text(f, "name")))
                .ToList();
            var rows = new List<ControlRow>();
            var mapped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in root.GetProperty("rows").EnumerateArray())
            {
                var id = Text(r, "id");
                var controls = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var c in r.GetProperty("controls").EnumerateObject())
                {
                    if (!frameworks.Any(f => f.Id == c.Name)) throw new FormatException($"row {id}: framework '{c.Name}' is not among the frameworks");
                    controls[c.Name] = c.Value.GetString() ?? "";
                }

                var findings = r.GetProperty("findings").EnumerateArray().Select(f => f.GetString() ?? "").ToList();
                foreach (var kind in findings)
                {
                    if (!mapped.Add(kind)) throw new FormatException($"row {id}: finding kind '{kind}' is mapped by another row too");
                }

                rows.Add(new ControlRow(id, Text(r, "verdict"), controls, findings, Text(r, "evidence")));
            }

            return new ControlTable(Text(root, "title"), Text(root, "note"), frameworks, rows, Convert.ToHexStringLower(SHA256.HashData(json)));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a control table: {e.Message}", e);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"'{name}' is missing or not text");
}

public sealed record ControlFramework(string Id, string Name);

/// <summary>One verdict's row: its controls per framework id, the finding kinds it covers and where the report shows its evidence.</summary>
public sealed record ControlRow(string Id, string Verdict, IReadOnlyDictionary<string, string> Controls, IReadOnlyList<string> Findings, string Evidence)
{
    public string ControlsOf(string framework) => Controls.GetValueOrDefault(framework, "-");
}
