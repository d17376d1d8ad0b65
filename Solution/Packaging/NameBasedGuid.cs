using System;
using System.Security.Cryptography;
using System.Text;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// Name-based UUIDs (RFC 4122 version 5): the same namespace and name always give the same id. The one
/// implementation, compiled into the packer and (linked) into the emulator, which do not reference each other.
/// </summary>
internal static class NameBasedGuid
{
    /// <summary>Returns the version-5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // RFC 4122 defines version 5 over SHA-1; the hash is an identifier, not a security control.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350

        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
