using System.Runtime.CompilerServices;

// The analyzer runs the compiler's own checks (ModelBuilder, Diagnostics) so that the editor and the build report the
// same diagnostics from one source of truth; its tests read Diagnostics.All to check docs/diagnostics.md.
[assembly: InternalsVisibleTo("Sharp.Bpf.Analyzers")]
[assembly: InternalsVisibleTo("Sharp.Bpf.Analyzers.Tests")]
