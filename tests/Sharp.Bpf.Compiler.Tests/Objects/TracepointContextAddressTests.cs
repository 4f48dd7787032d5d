using System.Diagnostics;
using System.Text;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>End to end: a tracepoint program reads its record's <c>__data_loc</c> string at the record's address (the
/// context register) plus the location's offset, with the record taken as a pointer or pinned with <c>fixed</c>; the kernel
/// loads and attaches both, and both read the path an exec ran.</summary>
public class TracepointContextAddressTests
{
    const string Source = """
        using Sharp.Bpf.Kernel;

        public unsafe struct Name { public fixed byte Bytes[64]; }

        public struct ExecRecord { public TracepointCommonFields Common; public uint FilenameLocation; public int Pid; }

        [BpfObject(License = "GPL")]
        public static unsafe partial class Probe
        {
            static readonly HashMap<int, Name> ByPointer = new(1024);
            static readonly HashMap<int, Name> ByFixed = new(1024);

            [Tracepoint("sched", "sched_process_exec")]
            public static int FromPointer(ExecRecord* record)
            {
                Bpf.ProbeReadKernelStr(out Name name, (ulong)record + (record->FilenameLocation & 0xFFFF));
                ByPointer.Update(record->Pid, name);
                return 0;
            }

            [Tracepoint("sched", "sched_process_exec")]
            public static int FromFixed(in ExecRecord record)
            {
                ulong start;
                fixed (ExecRecord* pinned = &record) start = (ulong)pinned;
                Bpf.ProbeReadKernelStr(out Name name, start + (record.FilenameLocation & 0xFFFF));
                ByFixed.Update(record.Pid, name);
                return 0;
            }
        }
        """;

    [Theory]
    [InlineData("FromPointer", "ByPointer")]
    [InlineData("FromFixed", "ByFixed")]
    public void Data_loc_path_read_at_the_record_address_is_the_executed_file(string program, string map)
    {
        Privileged.RequireRoot();
        var (result, _, diagnostics) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.CompilerDiagnostics(Source));
        using var collection = Collection.Load(CollectionSpec.Read(GeneratorHarness.ObjectBytes(result)));
        using var link = Tracepoint.Attach(collection.Programs[program], "sched", "sched_process_exec");

        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        process.WaitForExit();

        var name = new byte[64];
        Assert.True(collection.Maps[map].TryLookup(BitConverter.GetBytes(process.Id), name), $"no exec of pid {process.Id} was recorded");
        Assert.Equal("/bin/true", Encoding.UTF8.GetString(name.AsSpan(0, name.AsSpan().IndexOf((byte)0))));
    }
}
