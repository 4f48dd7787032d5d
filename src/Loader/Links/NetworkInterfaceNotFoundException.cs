namespace Sharp.Bpf.Links;

/// <summary>No network interface has the given name in the calling thread's network namespace. The message lists the
/// interfaces that do exist.</summary>
public sealed class NetworkInterfaceNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="name">The name that was looked up.</param>
    /// <param name="available">The names of the interfaces that exist.</param>
    public NetworkInterfaceNotFoundException(string name, IReadOnlyList<string> available)
        : base($"there is no network interface named '{name}' in this network namespace; the interfaces are: {string.Join(", ", available)}")
    {
        Name = name;
        AvailableInterfaces = available;
    }

    /// <summary>The name that was looked up.</summary>
    public string Name { get; }

    /// <summary>The names of the interfaces that exist.</summary>
    public IReadOnlyList<string> AvailableInterfaces { get; }
}
