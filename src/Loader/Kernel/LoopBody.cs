namespace Sharp.Bpf.Kernel;

/// <summary>The body of a <see cref="Bpf.Loop{TContext}"/>: a static, non-generic method passed by name, compiled as a BPF
/// subprogram taking the iteration index in r1 and a pointer to the shared context in r2.</summary>
/// <param name="index">The iteration, from 0.</param>
/// <param name="context">State shared between iterations and with the caller (on the caller's stack).</param>
/// <returns>0 to continue, 1 to stop; the verifier rejects any other value.</returns>
/// <typeparam name="TContext">The context type.</typeparam>
public delegate long LoopBody<TContext>(uint index, ref TContext context);
