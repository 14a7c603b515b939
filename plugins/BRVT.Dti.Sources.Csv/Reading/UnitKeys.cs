using System.Runtime.CompilerServices;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// The unit ordinals of short unit cells, by key (the cell's bytes and length packed in a <see cref="ulong"/>, never
/// 0): an open-addressing table (linear probing, at most a quarter full) that a parsing thread fills as it meets spellings.
/// </summary>
/// <remarks>Not thread-safe: one per chunk.</remarks>
internal sealed class UnitKeys
{
    private ulong[] keys = new ulong[1024];
    private int[] units = new int[1024];
    private int count;

    /// <summary>The key of a cell of at most 7 bytes, from the 8 bytes at its start (the bytes after it are ignored).</summary>
    /// <param name="head">The 8 bytes from the cell's start, little-endian.</param>
    /// <param name="length">The cell's length in bytes, 0 to 7.</param>
    /// <returns>The key.</returns>
    public static ulong Key(ulong head, int length) => (head & ((1UL << (length << 3)) - 1)) | ((ulong)(length + 1) << 56);

    /// <summary>The table as it is now (until the next <see cref="Add"/>), to look keys up in a loop without calls.</summary>
    public View Current => new(keys, units);

    /// <summary>The unit remembered for a key (−1 for a cell that names none), or false when the key is new.</summary>
    public bool TryGet(ulong key, out int unit) => Current.TryGet(key, out unit);

    /// <summary>Remembers the unit of a new key.</summary>
    public void Add(ulong key, int unit)
    {
        if ((count + 1) * 4 > keys.Length)
        {
            Grow();
        }

        Insert(keys, units, key, unit);
        count++;
    }

    private static int Slot(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private static void Insert(ulong[] keys, int[] units, ulong key, int unit)
    {
        var mask = keys.Length - 1;
        var slot = Slot(key, mask);
        while (keys[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        keys[slot] = key;
        units[slot] = unit;
    }

    private void Grow()
    {
        var (oldKeys, oldUnits) = (keys, units);
        (keys, units) = (new ulong[oldKeys.Length * 2], new int[oldKeys.Length * 2]);
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] != 0)
            {
                Insert(keys, units, oldKeys[i], oldUnits[i]);
            }
        }
    }

    /// <summary>The table's arrays at one time.</summary>
    public readonly struct View(ulong[] keys, int[] units)
    {
        /// <summary>The unit remembered for a key (−1 for a cell that names none), or false when the key is new.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryGet(ulong key, out int unit)
        {
            var mask = keys.Length - 1;
            for (var slot = Slot(key, mask); ; slot = (slot + 1) & mask)
            {
                var stored = keys[slot];
                if (stored == key)
                {
                    unit = units[slot];
                    return true;
                }

                if (stored == 0)
                {
                    unit = -1;
                    return false;
                }
            }
        }
    }
}
