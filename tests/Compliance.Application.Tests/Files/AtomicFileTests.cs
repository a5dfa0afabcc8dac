using Compliance.Application.Files;

namespace Compliance.Application.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-atomic-").FullName;

    [Fact]
    public async Task writers_of_the_same_path_at_once_all_succeed_and_leave_one_whole_file_and_no_temporaries()
    {
        // Three demo runs in one test process once wrote the same report path through one shared '.tmp' name:
        // one writer renamed it away and the others failed with FileNotFoundException.
        var path = Path.Combine(folder, "reports", "same.pdf");
        var contents = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)('a' + i), 1024 * 1024).ToArray()).ToArray();
        for (var round = 0; round < 20; round++)
        {
            // Dedicated threads released together, so the writes truly overlap even on a small machine.
            using var start = new Barrier(contents.Length);
            var writers = contents.Select(bytes => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                AtomicFile.WriteAsync(path, bytes, CancellationToken.None).GetAwaiter().GetResult();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            await Task.WhenAll(writers);

            var written = await File.ReadAllBytesAsync(path);
            contents.Any(c => c.SequenceEqual(written)).ShouldBeTrue("the file is one writer's bytes, whole");
        }

        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    [Fact]
    public async Task replacing_a_file_keeps_only_the_new_bytes()
    {
        var path = Path.Combine(folder, "state.json");
        await AtomicFile.WriteAsync(path, "a much longer first version"u8.ToArray(), CancellationToken.None);
        await AtomicFile.WriteAsync(path, "short"u8.ToArray(), CancellationToken.None);
        (await File.ReadAllTextAsync(path)).ShouldBe("short");
    }

    [Fact]
    public async Task a_cancelled_write_leaves_the_old_file_and_no_temporary()
    {
        var path = Path.Combine(folder, "kept.txt");
        await AtomicFile.WriteAsync(path, "old"u8.ToArray(), CancellationToken.None);
        await Should.ThrowAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, new byte[1024], new CancellationToken(canceled: true)));
        (await File.ReadAllTextAsync(path)).ShouldBe("old");
        Directory.GetFiles(folder).ShouldBe([path]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
