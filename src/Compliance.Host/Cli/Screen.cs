using System.Text;

namespace Compliance.Host.Cli;

/// <summary>
/// Standard output as the CLI prints to it: how many columns a table may take and whether levels are coloured. On a
/// terminal the width is the window's and colour is on (unless NO_COLOR is set or TERM is dumb); piped or redirected,
/// 120 columns and no colour; COLUMNS, when set, wins over both widths. --wide lifts the width limit.
/// </summary>
internal sealed class Screen(TextWriter inner, int width, bool colour) : TextWriter
{
    public const int PipedWidth = 120;

    public int Width { get; } = width;

    public bool Colour { get; } = colour;

    /// <summary>--wide: every column at its full width, however wide the table gets.</summary>
    public bool Wide { get; set; }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);

    public override void Flush() => inner.Flush();

    /// <summary>The profile of a writer the CLI was given: this process's console, or (a test's writer) piped.</summary>
    public static Screen For(TextWriter output)
    {
        if (output is Screen screen) return screen;
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var width = Columns() ?? (terminal ? TerminalWidth() : PipedWidth);
        var noColour = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) || Environment.GetEnvironmentVariable("TERM") == "dumb";
        return new Screen(output, width, terminal && !noColour);
    }

    /// <summary>The profile of the writer a table is printed to (a plain writer counts as piped).</summary>
    public static Screen Of(TextWriter output) => output as Screen ?? new Screen(output, Columns() ?? PipedWidth, colour: false);

    private static int? Columns() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 20 ? n : null;

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth >= 20 ? Console.WindowWidth : PipedWidth;
        }
        catch (IOException)
        {
            return PipedWidth;
        }
    }
}
