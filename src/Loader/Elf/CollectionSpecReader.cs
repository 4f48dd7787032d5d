using System.Buffers.Binary;
using System.Text;
using Sharp.Bpf.Btf;

namespace Sharp.Bpf.Elf;

/// <summary>Builds a <see cref="CollectionSpec"/> from an object file: maps (BTF-defined, legacy, global data), programs by
/// libbpf's section conventions with relocations resolved and subprograms linked, and BTF ready for the kernel.</summary>
internal static class CollectionSpecReader
{
    const string TextSection = ".text";
    const string LicenseSection = "license";
    const string VersionSection = "version";

    /// <summary>Reads the object in <paramref name="bytes"/>.</summary>
    /// <exception cref="BpfElfException">The object is malformed or uses something the reader does not support; the message says what and where.</exception>
    /// <exception cref="BtfFormatException">The <c>.BTF</c> or <c>.BTF.ext</c> section is malformed.</exception>
    public static CollectionSpec Read(byte[] bytes)
    {
        var file = BpfObjectFile.Read(bytes);
        BtfSpec? btf = null;
        byte[]? rawBtf = null;
        if (file.Sections.FirstOrDefault(s => s.Name == ".BTF") is { } btfSection)
            (btf, rawBtf) = DataSectionFixup.Apply(BtfSpec.Parse(btfSection.Data.Span), file);
        var ext = btf is not null && file.Sections.FirstOrDefault(s => s.Name == ".BTF.ext") is { } extSection
            ? BtfExtSpec.Parse(extSection.Data.Span, btf.Strings)
            : null;

        var maps = new OrderedDictionary<string, MapSpec>(StringComparer.Ordinal);
        var mapsBySection = new Dictionary<int, IReadOnlyDictionary<ulong, string>>();
        foreach (var section in file.Sections)
        {
            var declared = section.Name switch
            {
                BtfMapSection.Name => BtfMapSection.Read(section, btf),
                LegacyMapSection.Name => LegacyMapSection.Read(section),
                _ => null,
            };
            if (declared is null) continue;
            foreach (var (_, map) in declared) Add(maps, map.Name, map, "map");
            mapsBySection[section.Index] = declared.ToDictionary(m => m.Offset, m => m.Map.Name);
        }
        var dataMapBySection = new Dictionary<int, string>();
        foreach (var section in file.Sections.Where(s => GlobalDataSection.IsGlobalData(s.Name) && s.Size > 0))
        {
            Add(maps, section.Name, GlobalDataSection.ToMap(section, DataSectionTypeId(btf, section.Name)), "map");
            dataMapBySection[section.Index] = section.Name;
        }

        var code = file.ExecutableSections.Where(s => s.Data.Length > 0).Select(s => new CodeSection(s)).ToList();
        var resolver = new RelocationResolver(code.ToDictionary(c => c.Section.Index), mapsBySection, dataMapBySection);
        foreach (var section in code) resolver.Resolve(section);

        string license = ReadLicense(file);
        uint kernelVersion = ReadKernelVersion(file);
        var linker = new ProgramLinker(ext);
        var programs = new OrderedDictionary<string, ProgramSpec>(StringComparer.Ordinal);
        foreach (var section in code.Where(c => c.Name != TextSection && c.Functions.Count > 0))
        {
            if (!SectionConventions.TryMatch(section.Name, out var convention))
                throw new BpfElfException($"section '{section.Name}' holds programs ({string.Join(", ", section.Functions.Select(f => f.Name))}), but its name follows none of libbpf's conventions (xdp, tc, socket, kprobe/..., tracepoint/..., ...)");
            foreach (var function in section.Functions)
            {
                var linked = linker.Link(function);
                Add(programs, function.Name, new ProgramSpec
                {
                    Name = function.Name,
                    SectionName = section.Name,
                    Type = convention.Type,
                    AttachType = convention.AttachType,
                    AttachTo = convention.AttachTo,
                    Flags = convention.Flags,
                    Instructions = linked.Instructions,
                    MapReferences = linked.MapReferences,
                    License = license,
                    KernelVersion = kernelVersion,
                    FunctionInfos = linked.FunctionInfos,
                    LineInfos = linked.LineInfos,
                }, "program");
            }
        }

        return new CollectionSpec
        {
            Maps = maps,
            Programs = programs,
            Btf = btf,
            RawBtf = rawBtf,
            License = license,
        };
    }

    static void Add<T>(OrderedDictionary<string, T> items, string name, T item, string what)
    {
        if (!items.TryAdd(name, item))
            throw new BpfElfException($"the object defines two {what}s named '{name}'");
    }

    static uint DataSectionTypeId(BtfSpec? btf, string sectionName) =>
        btf is not null && btf.TryFindType(sectionName, BtfKind.DataSection, out uint id) ? id : 0;

    /// <summary>The licence string: the <c>license</c> section up to its first NUL.</summary>
    static string ReadLicense(BpfObjectFile file)
    {
        if (file.Sections.FirstOrDefault(s => s.Name == LicenseSection) is not { } section) return "";
        var bytes = section.Data.Span;
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>The kernel version from the <c>version</c> section (a 32-bit <c>LINUX_VERSION_CODE</c>), or 0.</summary>
    static uint ReadKernelVersion(BpfObjectFile file)
    {
        if (file.Sections.FirstOrDefault(s => s.Name == VersionSection) is not { } section) return 0;
        return section.Data.Length == sizeof(uint)
            ? BinaryPrimitives.ReadUInt32LittleEndian(section.Data.Span)
            : throw new BpfElfException($"section '{VersionSection}' is {section.Data.Length} bytes, not a 4-byte kernel version");
    }
}
