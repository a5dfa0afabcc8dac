using Compliance.Domain.Verdicts;
using SkiaSharp;

namespace Compliance.Adapters.Pdf.Composition;

/// <summary>The report's page geometry, type scale and colours.</summary>
internal static class Theme
{
    public const float PageWidth = 595.28f; // A4 in points
    public const float PageHeight = 841.89f;
    public const float Margin = 48f;
    public const float Top = 72f;
    public const float Bottom = PageHeight - 60f;
    public const float ContentWidth = PageWidth - (2 * Margin);

    public static readonly SKColor Ink = new(0x1f, 0x29, 0x37);
    public static readonly SKColor Muted = new(0x6b, 0x72, 0x80);
    public static readonly SKColor Rule = new(0xd1, 0xd5, 0xdb);
    public static readonly SKColor Stripe = new(0xf3, 0xf4, 0xf6);
    public static readonly SKColor HeaderFill = new(0x1e, 0x3a, 0x5f);
    public static readonly SKColor Accent = new(0x1e, 0x3a, 0x5f);
    public static readonly SKColor Danger = new(0xb9, 0x1c, 0x1c);
    public static readonly SKColor DangerFill = new(0xfe, 0xe2, 0xe2);
    public static readonly SKColor Good = new(0x15, 0x80, 0x3d);
    public static readonly SKColor GoodFill = new(0xdc, 0xfc, 0xe7);
    public static readonly SKColor Warning = new(0xb4, 0x53, 0x09);

    public static TextStyle Body { get; } = new(PdfFonts.Sans, 9f, Ink);
    public static TextStyle Small { get; } = new(PdfFonts.Sans, 7.5f, Ink);
    public static TextStyle SmallBold { get; } = new(PdfFonts.Bold, 7.5f, Ink);
    public static TextStyle Caption { get; } = new(PdfFonts.Sans, 7.5f, Muted);
    public static TextStyle Strong { get; } = new(PdfFonts.Bold, 9f, Ink);
    public static TextStyle Mono { get; } = new(PdfFonts.Mono, 7f, Ink);
    public static TextStyle Evidence { get; } = new(PdfFonts.Mono, 6f, Muted);
    public static TextStyle H1 { get; } = new(PdfFonts.Bold, 16f, Accent);
    public static TextStyle H2 { get; } = new(PdfFonts.Bold, 11.5f, Accent);
    public static TextStyle Title { get; } = new(PdfFonts.Bold, 26f, Accent);
    public static TextStyle Subtitle { get; } = new(PdfFonts.Sans, 13f, Muted);
    public static TextStyle TableHeader { get; } = new(PdfFonts.Bold, 7.5f, SKColors.White);
    public static TextStyle Alert { get; } = new(PdfFonts.Bold, 8f, SKColors.White);
    public static TextStyle BannerTitle { get; } = new(PdfFonts.Bold, 12f, Ink);
    public static TextStyle Score { get; } = new(PdfFonts.Bold, 20f, Ink);

    public static SKColor Level(EolLevel level) => level switch
    {
        EolLevel.Eol => Danger,
        EolLevel.High => new SKColor(0xc2, 0x41, 0x0c),
        EolLevel.Medium => new SKColor(0xa1, 0x62, 0x07),
        EolLevel.Low => Good,
        _ => Muted,
    };

    public static SKColor Rating(Application.Reports.Rating rating) => rating switch
    {
        Application.Reports.Rating.Green => Good,
        Application.Reports.Rating.Amber => Warning,
        _ => Danger,
    };

    public static SKColor Status(SlaStatus status) => status switch
    {
        SlaStatus.Breached => Danger,
        SlaStatus.Met => Good,
        _ => Warning,
    };
}
