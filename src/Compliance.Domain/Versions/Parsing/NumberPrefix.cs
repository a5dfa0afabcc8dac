using System.Globalization;

namespace Compliance.Domain.Versions.Parsing;

/// <summary>The leading dotted numbers of a version string (<c>1.29.3</c> of <c>1.29.3-eks-adc7111</c>) and what follows them.</summary>
/// <param name="Numbers">The numbers, in order.</param>
/// <param name="Segments">The numbers as spelled (keeps the zero padding of <c>22.04</c> and <c>2018.03</c>).</param>
/// <param name="Rest">Everything after the last number.</param>
internal sealed record NumberPrefix(IReadOnlyList<long> Numbers, IReadOnlyList<string> Segments, string Rest)
{
    private const int MaxDigits = 18;

    /// <summary>Reads up to <paramref name="maxParts"/> dot-separated numbers from the start of <paramref name="text"/>;
    /// null when the text does not start with a digit or a number is too long to be a version.</summary>
    public static NumberPrefix? Read(string text, int maxParts = 8)
    {
        var numbers = new List<long>();
        var segments = new List<string>();
        var i = 0;
        while (numbers.Count < maxParts)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start) return null;
            var segment = text[start..i];
            if (segment.Length > MaxDigits) return null;
            numbers.Add(long.Parse(segment, NumberStyles.None, CultureInfo.InvariantCulture));
            segments.Add(segment);
            var anotherNumber = i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]);
            if (!anotherNumber || numbers.Count == maxParts) break;
            i++;
        }
        return new(numbers, segments, text[i..]);
    }

    public long Major => Numbers[0];

    public long Minor => Numbers.Count > 1 ? Numbers[1] : 0;

    public int Count => Numbers.Count;

    public string Joined => string.Join('.', Segments);

    public string FirstSegments(int count) => string.Join('.', Segments.Take(count));
}
