using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>
/// The typefaces every report uses, read from the TTF files embedded in this assembly (Liberation Sans and Mono, SIL
/// OFL 1.1): never system fonts, so a bare machine renders the same bytes. The charts are drawn with the same faces.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> SansFace = new(() => Load("LiberationSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("LiberationSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> MonoFace = new(() => Load("LiberationMono-Regular.ttf"));

    public static SKTypeface Sans => SansFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static SKTypeface Mono => MonoFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"Compliance.Pdf.Fonts.{file}";
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"font resource {name} is missing from the assembly");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"font {file} could not be read");
    }
}
