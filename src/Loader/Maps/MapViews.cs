using System.Runtime.CompilerServices;

namespace Sharp.Bpf;

/// <summary>Checks that a map fits the typed view a caller wraps it in, before any kernel call can copy the wrong number of bytes.</summary>
internal static class MapViews
{
    /// <summary>Throws unless <paramref name="map"/> has type <paramref name="type"/> and the given key and value sizes.</summary>
    /// <exception cref="ArgumentException">The type or a size differs; the message names the view's needs and the map's shape.</exception>
    public static Map Require(Map map, string view, MapType type, uint keySize, string keyType, uint valueSize, string valueType)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Type == type && map.KeySize == keySize && map.ValueSize == valueSize) return map;
        throw new ArgumentException(
            $"{view} needs a {type} map with {keySize}-byte keys ({keyType}) and {valueSize}-byte values ({valueType}), " +
            $"but map '{map.Name}' is a {map.Type} map with {map.KeySize}-byte keys and {map.ValueSize}-byte values", nameof(map));
    }

    /// <summary>The size of <typeparamref name="T"/> as the kernel sees it.</summary>
    public static uint SizeOf<T>() where T : unmanaged => (uint)Unsafe.SizeOf<T>();

    /// <summary>A C#-style name of a generic view, e.g. <c>HashMap&lt;UInt32, UInt64&gt;</c>.</summary>
    public static string Name(string view, params Type[] arguments) => $"{view}<{string.Join(", ", arguments.Select(a => a.Name))}>";
}
