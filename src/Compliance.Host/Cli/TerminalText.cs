using System.Globalization;
using System.Text;

namespace Compliance.Host.Cli;

/// <summary>
/// Text from the ledger or a server made safe to print on a terminal: control characters (ESC sequences that clear the
/// screen, NUL, line breaks inside a cell), bidirectional controls (that reverse what follows) and invisible characters are
/// shown as <c>\uXXXX</c> escapes instead of acting. Old ledgers may hold such text from before input was checked. Every
/// table and field the CLI prints goes through <see cref="Safe"/>; JSON output escapes them by itself.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var i = 0;
        while (i < text.Length && !NeedsEscape(text, i)) i++;
        if (i == text.Length) return text;
        var safe = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (NeedsEscape(text, i)) safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:X4}");
            else safe.Append(text[i]);
        }

        return safe.ToString();
    }

    /// <summary>A control or format character (but the joiners U+200C and U+200D that scripts and emoji need), a line or paragraph separator, a blank letter, or half a surrogate pair.</summary>
    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        if (c is '\u200C' or '\u200D') return false;
        if (c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0') return true;
        return char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
