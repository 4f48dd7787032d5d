using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>The IR → IR passes: scalar replacement of stack slots first, then stack load forwarding, constant folding, copy
/// propagation, copy coalescing, redundant zero-extension removal, branch folding, branch threading, unreachable-block removal,
/// jump threading, tail merging of identical returns, combining of byte stores, dead-code elimination and dead stack-store
/// elimination, repeated until nothing changes. Every pass keeps the lowering's contract (src/Compiler/README.md): no load moves, context loads keep their
/// base and offset, packet compares stay register-register 64-bit, no 32-bit arithmetic appears on a pointer, every block stays
/// reachable and every path ends in a return.</summary>
internal static class Optimizer
{
    const int MaxIterations = 16;

    static readonly Func<IrFunction, IrFunction>[] Passes =
    [
        StackLoadForwarding.Run,
        ConstantFolding.Run,
        CopyPropagation.Run,
        CopyCoalescing.Run,
        RedundantExtension.Run,
        BranchFolding.Run,
        BranchThreading.Run,
        UnreachableBlockRemoval.Run,
        JumpThreading.Run,
        TailMerging.Run,
        UnreachableBlockRemoval.Run,
        StoreCombining.Run,
        DeadCodeElimination.Run,
        DeadStackStoreElimination.Run,
    ];

    public static IrFunction Optimize(IrFunction function)
    {
        function = ScalarReplacement.Run(UnreachableBlockRemoval.Run(function));
        for (int i = 0; i < MaxIterations; i++)
        {
            var before = function;
            foreach (var pass in Passes) function = pass(function);
            if (function == before) break;
        }
        return function;
    }
}
