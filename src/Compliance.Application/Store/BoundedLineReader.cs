using System.Text;

namespace Compliance.Application.Store;

/// <summary>
/// Reads lines ending in '\n' (a '\r' before it is dropped) and refuses one longer than <paramref name="maxChars"/>
/// before holding more of it, so a file without line breaks cannot fill the memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader input, int maxChars)
{
    private readonly char[] buffer = new char[16 * 1024];
    private int start;
    private int end;
    private bool finished;

    /// <summary>The next line, or null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">the line is longer than the limit.</exception>
    public async ValueTask<string?> ReadLineAsync(CancellationToken ct)
    {
        StringBuilder? line = null;
        while (true)
        {
            if (start == end)
            {
                if (finished) return line is null ? null : Trim(line);
                end = await input.ReadAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
                start = 0;
                if (end == 0)
                {
                    finished = true;
                    continue;
                }
            }

            var span = buffer.AsSpan(start, end - start);
            var newline = span.IndexOf('\n');
            var take = newline < 0 ? span.Length : newline;
            if ((line?.Length ?? 0) + take > maxChars + 1) throw new InvalidDataException($"the line is longer than {maxChars} characters");
            (line ??= new StringBuilder()).Append(span[..take]);
            if (newline < 0)
            {
                start = end;
                continue;
            }

            start += newline + 1;
            return Trim(line);
        }
    }

    private string Trim(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        return line.Length > maxChars ? throw new InvalidDataException($"the line is longer than {maxChars} characters") : line.ToString();
    }
}
