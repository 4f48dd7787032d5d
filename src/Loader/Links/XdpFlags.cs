namespace Sharp.Bpf.Links;

/// <summary><c>XDP_FLAGS_*</c> (linux/if_link.h), shared by XDP links and netlink.</summary>
internal static class XdpFlags
{
    public const uint UpdateIfNoExist = 1;
    public const uint SkbMode = 2;
    public const uint DriverMode = 4;
    public const uint HardwareMode = 8;
    public const uint Replace = 16;

    /// <summary>The mode flag of <paramref name="mode"/> (0 lets the kernel choose).</summary>
    public static uint Of(XdpMode mode) => mode switch
    {
        XdpMode.Generic => SkbMode,
        XdpMode.Native => DriverMode,
        XdpMode.Offload => HardwareMode,
        _ => 0,
    };

    /// <summary>The mode's name as <c>ip link</c> spells it, for messages.</summary>
    public static string Name(XdpMode mode) => mode switch
    {
        XdpMode.Generic => "generic (xdpgeneric)",
        XdpMode.Native => "native (xdpdrv)",
        XdpMode.Offload => "offload (xdpoffload)",
        _ => "default",
    };

    /// <summary>What an attach error means for XDP, shared by both methods.</summary>
    public static string? Advice(int errno, XdpMode mode, string interfaceText) => errno switch
    {
        Interop.Errno.EPERM => "attaching XDP programs needs CAP_NET_ADMIN (run as root)",
        Interop.Errno.ENODEV => $"there is no {interfaceText}",
        Interop.Errno.EBUSY or Interop.Errno.EEXIST => $"another XDP program is attached to {interfaceText} (by netlink or another link); detach it or use another mode",
        Interop.Errno.EOPNOTSUPP or Interop.Errno.ENOTSUPP => mode == XdpMode.Offload
            ? $"the driver of {interfaceText} cannot offload XDP programs (offload needs e.g. an nfp NIC and a program loaded for that device)"
            : $"the driver of {interfaceText} does not support {Name(mode)} XDP; try generic mode",
        Interop.Errno.EINVAL when mode == XdpMode.Offload => $"XDP offload needs a program loaded for the device {interfaceText} (prog_ifindex) on an offloading NIC",
        _ => null,
    };
}
