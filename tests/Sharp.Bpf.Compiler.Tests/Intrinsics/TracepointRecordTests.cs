using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>A tracepoint's record is the context: its fields are context loads, and its address (for a <c>__data_loc</c>
/// string after the fixed fields) is the context register r1 itself.</summary>
public class TracepointRecordTests
{
    const string Record = """
        public struct Name { public unsafe fixed byte Bytes[64]; }
        public struct ExecRecord { public TracepointCommonFields Common; public uint FilenameLocation; public int Pid; }
        public struct Exec { public int Pid; public TaskComm Comm; public Name Filename; }
        static readonly RingBuffer<Exec> Events = new(4096);

        """;

    [Theory]
    [InlineData("ExecRecord* record", "(ulong)record + (record->FilenameLocation & 0xFFFF)")]
    [InlineData("in ExecRecord record", "Address(in record) + (record.FilenameLocation & 0xFFFF)")]
    public void Data_loc_string_is_read_from_the_context_register_plus_its_offset(string parameter, string address)
    {
        var ir = IntrinsicHarness.Ir(Record + $$"""
            static unsafe ulong Address(in ExecRecord record) { fixed (ExecRecord* start = &record) return (ulong)start; }
            [Tracepoint("sched", "sched_process_exec")]
            public static unsafe int Run({{parameter}}) { Bpf.ProbeReadKernelStr(out Name name, {{address}}); return name.Bytes[0]; }
            """);
        var call = Assert.Single(ir.Calls(), c => c.HelperId == 115);
        Assert.Equal(new Imm(64), call.Arguments[1]);
        var sum = Assert.IsType<Binary>(ir.Origin((VReg)call.Arguments[2]));
        Assert.Equal((BinaryOp.Add, Width.W64), (sum.Op, sum.Width));
        Assert.Contains(new VReg(0), new[] { sum.Left, sum.Right }.OfType<VReg>().Select(r => Root(ir, r)));
    }

    [Fact]
    public void Task_name_local_is_copied_into_a_reservation()
    {
        var ir = IntrinsicHarness.Ir(Record + """
            [Tracepoint("sched", "sched_process_exec")]
            public static int Run(in ExecRecord record)
            {
                var exec = Events.Reserve();
                if (exec.IsNull) return 0;
                Bpf.GetCurrentComm(out TaskComm comm);
                exec.Value.Comm = comm;
                exec.Submit();
                return 0;
            }
            """);
        var written = ir.All<Store>().SelectMany(s => Enumerable.Range(s.Offset, s.Size)).Order();
        Assert.Equal(Enumerable.Range(4, 16), written);
    }

    /// <summary>The register <paramref name="register"/> copies, following moves and additions of 0.</summary>
    static VReg Root(IrFunction ir, VReg register)
    {
        while (register != new VReg(0))
        {
            var definition = ir.Definition(register);
            if (definition is Move { Src: VReg source }) register = source;
            else if (definition is Binary { Op: BinaryOp.Add, Left: VReg left, Right: Imm { Value: 0 } }) register = left;
            else break;
        }
        return register;
    }
}
