using System.Globalization;
using System.Text;

namespace Compliance.Host.Cli;

/// <summary>What the CLI prints of stored text: never a control character, bidi override or other invisible format character raw.</summary>
internal static class TerminalText
{
    /// <summary>Control and format characters (ESC, NUL, RTL override, zero-width space, ...) shown as \u{XXXX}; a newline or tab as a space.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape)) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\n' or '\t' or '\r') escaped.Append(' ');
            else if (NeedsEscape(c)) escaped.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}");
            else escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
