using System.Collections;

namespace Sharp.Bpf.Btf;

/// <summary>An immutable list that compares by its elements, so records holding one compare by value.</summary>
sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    readonly T[] items;

    ValueList(T[] items) => this.items = items;

    public static ValueList<T> Empty { get; } = new([]);

    public static ValueList<T> From(IEnumerable<T> source) => source as ValueList<T> ?? new ValueList<T>([.. source]);

    public T this[int index] => items[index];

    public int Count => items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items) hash.Add(item);
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}
