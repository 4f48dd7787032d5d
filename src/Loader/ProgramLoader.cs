using System.Buffers.Binary;
using System.Text;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Turns a <see cref="ProgramSpec"/> into a <c>BPF_PROG_LOAD</c>: patches map references with descriptors, encodes
/// func and line info, and runs the load with the no-log fast path first and a growing log on failure.</summary>
internal static class ProgramLoader
{
    /// <summary>The first verifier log buffer; the log rarely needs more for small programs.</summary>
    public const int InitialLogSize = 64 * 1024;
    /// <summary>The largest verifier log buffer; beyond it the kernel keeps the log's end, where the error is.</summary>
    public const int MaxLogSize = 16 * 1024 * 1024;
    /// <summary>sizeof(struct bpf_func_info): insn_off, type_id.</summary>
    const int FunctionInfoSize = 8;
    /// <summary>sizeof(struct bpf_line_info): insn_off, file_name_off, line_off, line_col.</summary>
    const int LineInfoSize = 16;
    /// <summary>line_col keeps the column in its low 10 bits (BPF_LINE_INFO_LINE_COL).</summary>
    const int ColumnBits = 10;

    /// <summary>Loads <paramref name="spec"/>; returns the descriptor and, when <see cref="ProgramLoadOptions.LogLevel"/> asked
    /// for one, the verifier log.</summary>
    /// <exception cref="ArgumentException">A map reference does not point at an <c>lddw</c>, or names a map the options cannot resolve.</exception>
    /// <exception cref="BpfVerifierException">The verifier rejected the program.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel does not know the program type or the attach target.</exception>
    /// <exception cref="BpfException">The kernel refused before verification (EPERM: the message names the missing capability).</exception>
    public static unsafe (SafeBpfFd Handle, string? Log) Load(ProgramSpec spec, ProgramLoadOptions options)
    {
        if (spec.Instructions.Count == 0) throw new ArgumentException($"program '{spec.Name}' has no instructions", nameof(spec));
        var instructions = InstructionEncoder.Encode(PatchMapReferences(spec, options.ResolveMapFd));
        var license = Encoding.ASCII.GetBytes(spec.License + "\0");
        var attachType = options.ExpectedAttachType ?? spec.AttachType;
        uint attachBtfId = options.AttachBtfId ?? AttachTarget.Resolve(spec.Name, spec.Type, attachType, spec.AttachTo) ?? 0;
        bool withBtf = options.BtfFd is not null && (spec.FunctionInfos.Count > 0 || spec.LineInfos.Count > 0);
        var functionInfo = withBtf ? EncodeFunctionInfos(spec.FunctionInfos) : [];
        var lineInfo = withBtf ? EncodeLineInfos(spec.LineInfos) : [];

        fixed (byte* instructionsPointer = instructions)
        fixed (byte* licensePointer = license)
        fixed (byte* functionInfoPointer = functionInfo)
        fixed (byte* lineInfoPointer = lineInfo)
        {
            var attr = new ProgramLoadAttr
            {
                ProgramType = spec.Type,
                InstructionCount = (uint)(instructions.Length / Instruction.SlotSize),
                Instructions = (ulong)instructionsPointer,
                License = (ulong)licensePointer,
                KernelVersion = options.KernelVersion ?? spec.KernelVersion,
                ProgramFlags = options.Flags ?? spec.Flags,
                ExpectedAttachType = attachType,
                AttachBtfId = attachBtfId,
            };
            ObjectName.Write(KernelName(spec.Name), new Span<byte>(attr.ProgramName, ObjectName.Capacity));
            if (withBtf)
            {
                attr.ProgramBtfFd = (uint)options.BtfFd!.Value;
                attr.FuncInfoRecordSize = FunctionInfoSize;
                attr.FuncInfo = (ulong)functionInfoPointer;
                attr.FuncInfoCount = (uint)spec.FunctionInfos.Count;
                attr.LineInfoRecordSize = LineInfoSize;
                attr.LineInfo = (ulong)lineInfoPointer;
                attr.LineInfoCount = (uint)spec.LineInfos.Count;
            }
            return LoadWithLog(spec, ref attr, options.LogLevel);
        }
    }

    /// <summary>The name the kernel keeps: libbpf's rule of the first 15 characters, minus characters the kernel refuses.</summary>
    public static string KernelName(string name)
    {
        var kept = new string(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.').ToArray());
        return kept.Length < ObjectName.Capacity ? kept : kept[..(ObjectName.Capacity - 1)];
    }

    static unsafe (SafeBpfFd, string?) LoadWithLog(ProgramSpec spec, ref ProgramLoadAttr attr, uint? requestedLevel)
    {
        // Without a requested level the first attempt has no log: the fast path for programs that verify.
        int logSize = requestedLevel is > 0 ? InitialLogSize : 0;
        while (true)
        {
            var log = new byte[logSize];
            bool loaded;
            int fd, errno;
            fixed (byte* logPointer = log)
            {
                attr.LogLevel = logSize == 0 ? 0 : requestedLevel ?? 1;
                attr.LogSize = (uint)logSize;
                attr.LogBuffer = logSize == 0 ? 0 : (ulong)logPointer;
                loaded = Syscall.TryBpf(BpfCommand.ProgramLoad, ref attr, out fd, out errno);
            }
            if (loaded) return (new SafeBpfFd(fd), requestedLevel is > 0 ? Text(log) : null);
            if (logSize == 0)
            {
                logSize = InitialLogSize;
                continue;
            }
            if (errno == Errno.ENOSPC && logSize < MaxLogSize)
            {
                // Linux 6.4+ reports the size the whole log needs; older kernels get doubling.
                logSize = (int)Math.Min(MaxLogSize, Math.Max((long)logSize * 2, attr.LogTrueSize));
                continue;
            }
            throw ProgramLoadFailure.Describe(spec, attr.ExpectedAttachType, errno, Text(log));
        }
    }

    static string Text(byte[] log)
    {
        int length = Array.IndexOf(log, (byte)0);
        return Encoding.UTF8.GetString(log, 0, length < 0 ? log.Length : length).TrimEnd();
    }

    static Instruction[] PatchMapReferences(ProgramSpec spec, Func<string, int>? resolveMapFd)
    {
        var instructions = spec.Instructions.ToArray();
        foreach (var reference in spec.MapReferences)
        {
            int index = reference.InstructionIndex;
            if ((uint)index >= (uint)instructions.Length || !instructions[index].IsWide)
                throw new ArgumentException($"program '{spec.Name}' refers to map '{reference.MapName}' at instruction {index}, which is not an lddw", nameof(spec));
            if (resolveMapFd is null)
                throw new ArgumentException($"program '{spec.Name}' refers to map '{reference.MapName}'; pass {nameof(ProgramLoadOptions)}.{nameof(ProgramLoadOptions.ResolveMapFd)} to supply map descriptors", nameof(spec));
            int fd = resolveMapFd(reference.MapName);
            instructions[index] = reference.ValueOffset is { } offset
                ? instructions[index] with { Source = (Register)LoadImmediateKind.MapValueByFd, Immediate = fd, NextImmediate = (int)offset }
                : instructions[index] with { Source = (Register)LoadImmediateKind.MapByFd, Immediate = fd, NextImmediate = 0 };
        }
        return instructions;
    }

    static byte[] EncodeFunctionInfos(IReadOnlyList<ProgramFunctionInfo> infos)
    {
        var bytes = new byte[infos.Count * FunctionInfoSize];
        for (int i = 0; i < infos.Count; i++)
        {
            var record = bytes.AsSpan(i * FunctionInfoSize);
            BinaryPrimitives.WriteUInt32LittleEndian(record, infos[i].InstructionOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], infos[i].TypeId);
        }
        return bytes;
    }

    static byte[] EncodeLineInfos(IReadOnlyList<ProgramLineInfo> infos)
    {
        var bytes = new byte[infos.Count * LineInfoSize];
        for (int i = 0; i < infos.Count; i++)
        {
            var record = bytes.AsSpan(i * LineInfoSize);
            BinaryPrimitives.WriteUInt32LittleEndian(record, infos[i].InstructionOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], infos[i].FileNameOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], infos[i].LineOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], infos[i].LineNumber << ColumnBits | Math.Min(infos[i].Column, (1u << ColumnBits) - 1));
        }
        return bytes;
    }
}
