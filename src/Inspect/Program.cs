using System.CommandLine;
using Sharp.Bpf.Inspect.Commands;

var root = new RootCommand("sharp-bpf: assemble, disassemble, run and inspect eBPF programs")
{
    AsmCommand.Create(),
    DisasmCommand.Create(),
    DumpCommand.Create(),
    ExtractCommand.Create(),
    RunCommand.Create(),
    ConformanceCommand.Create(),
    VerifyCommand.Create(),
    ProgCommand.Create(),
    MapCommand.Create(),
    AttachCommand.Create(),
};
return root.Parse(args).Invoke();
