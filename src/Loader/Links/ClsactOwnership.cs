namespace Sharp.Bpf.Links;

/// <summary>Which clsact qdiscs this process created and how many of its netlink tc links still use each, so the qdisc is
/// removed when the last of them goes — whichever link created it — and never when someone else created it.</summary>
internal static class ClsactOwnership
{
    static readonly Dictionary<string, int> users = [];

    /// <summary>Records a link on a qdisc; true when the process owns the qdisc (it was created now or by an earlier link).</summary>
    public static bool Join(string key, bool createdNow)
    {
        lock (users)
        {
            if (createdNow) users[key] = 1;
            else if (users.TryGetValue(key, out int count)) users[key] = count + 1;
            else return false;
            return true;
        }
    }

    /// <summary>Records that a link left; true when it was the last user of a qdisc the process owns.</summary>
    public static bool Leave(string key)
    {
        lock (users)
        {
            if (!users.TryGetValue(key, out int count)) return false;
            if (count > 1)
            {
                users[key] = count - 1;
                return false;
            }
            users.Remove(key);
            return true;
        }
    }
}
