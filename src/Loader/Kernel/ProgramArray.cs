using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A program array (<c>BPF_MAP_TYPE_PROG_ARRAY</c>, Linux 4.2): slots user space fills with programs of the same
/// type, for kernel code to tail-call into. Managed: slots hold delegates that tests register, and a tail call invokes
/// one and hands back its result.</summary>
public sealed class ProgramArray : MapDeclaration
{
    /// <summary>How many tail calls one program run may chain (<c>MAX_TAIL_CALL_CNT</c>).</summary>
    public const int MaxTailCalls = 33;

    [ThreadStatic] static int t_chainedCalls;
    readonly Dictionary<uint, Delegate> _programs = [];

    /// <summary>Declares the array.</summary>
    /// <param name="maxEntries">The number of slots.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public ProgramArray(uint maxEntries, MapPinning pinning = MapPinning.None)
        : base(MapType.ProgramArray, maxEntries, MapFlags.None, pinning)
    {
    }

    /// <summary>Jumps to the program in slot <paramref name="index"/>, which replaces the current one: in the kernel a
    /// successful tail call never returns, and the program's result is the target's. Write it as
    /// <c>if (Programs.TailCall(ctx, i, out TcAction result)) return result;</c> followed by the fallback for an empty slot.</summary>
    /// <param name="context">The program's context argument, passed on unchanged.</param>
    /// <param name="index">The slot.</param>
    /// <param name="result">Managed: the target's result. In the kernel the <c>true</c> branch is never reached.</param>
    /// <returns>False when the slot is empty, out of range, or the chain already made <see cref="MaxTailCalls"/> calls.</returns>
    /// <remarks><c>bpf_tail_call(ctx, map, index)</c> (helper 12) followed by the code for the failure path; the generator
    /// compiles the <c>true</c> branch as unreachable.</remarks>
    /// <exception cref="InvalidCastException">The slot's delegate does not take <typeparamref name="TContext"/> and return
    /// <typeparamref name="TResult"/> (the kernel refuses mixed program types in one array).</exception>
    [BpfHelper(BpfHelperId.TailCall)]
    public bool TailCall<TContext, TResult>(TContext context, uint index, out TResult result)
    {
        result = default!;
        if (!_programs.TryGetValue(index, out var program) || t_chainedCalls >= MaxTailCalls) return false;
        t_chainedCalls++;
        try
        {
            result = ((Func<TContext, TResult>)program)(context);
        }
        finally
        {
            t_chainedCalls--;
        }
        return true;
    }

    /// <summary>Puts <paramref name="program"/> in slot <paramref name="index"/>, as user space would with a program fd.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is past the last slot.</exception>
    [ManagedOnly]
    public void SetProgram<TContext, TResult>(uint index, Func<TContext, TResult> program)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxEntries);
        _programs[index] = program;
    }

    /// <summary>Empties slot <paramref name="index"/>.</summary>
    [ManagedOnly]
    public void RemoveProgram(uint index) => _programs.Remove(index);

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _programs.Clear();
}
