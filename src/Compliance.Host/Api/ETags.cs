using System.Globalization;

namespace Compliance.Host.Api;

/// <summary>ETags are stream revisions: <c>"3"</c> is revision 3 of the stream the resource or command belongs to.</summary>
internal static class ETags
{
    public static string Of(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The revision in <c>"3"</c>, <c>W/"3"</c> or <c>3</c>; null when it is not one.</summary>
    public static long? Parse(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal)) v = v[2..];
        v = v.Trim('"');
        return long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
    }
}
