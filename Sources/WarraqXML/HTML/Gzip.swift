import CZlib
import WarraqCore

/// Gunzips bytes in memory (`.html.gz` as crawlers store pages), so that the encoding can be
/// judged on the page's own bytes, and so that `inspect` can show a compressed page's lines.
public enum Gzip {
    /// No news page is this big; a small file that inflates past it is an attack, not a page.
    static let maximumSize = 256 << 20

    /// Text rarely compresses more than this.
    private static let believableRatio = 64

    /// Whether the bytes open with gzip's magic number.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x1F, 0x8B]) }

    /// The inflated bytes; an error for a damaged stream or one that inflates past `maximumSize`.
    public static func decompress(_ bytes: [UInt8]) throws(InputError) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        // Room for the size the trailer states, and a byte more to find the end in: inflated at
        // once, in place. The room doubles when the trailer says too little; a trailer that
        // claims more than text compresses to (bytes after the stream?) is not believed.
        let room = min(statedSize(bytes), bytes.count * Self.believableRatio, maximumSize)
        var output = [UInt8](repeating: 0, count: room + 1)
        var produced = 0
        let status: Int32 = bytes.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = uInt(inBuffer.count)
            var status = Z_OK
            while status == Z_OK {
                if produced == output.count {
                    guard produced <= maximumSize else { return Z_MEM_ERROR }
                    output += repeatElement(0, count: min(output.count, maximumSize + 1 - output.count))
                }
                status = output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress! + produced
                    stream.avail_out = uInt(outBuffer.count - produced)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                produced = output.count - Int(stream.avail_out)
                if status == Z_BUF_ERROR, stream.avail_in == 0 { break }
            }
            return status
        }
        if produced > maximumSize {
            throw InputError("gunzips to more than \(maximumSize >> 20) MB (a gzip bomb?); not read")
        }
        guard status == Z_STREAM_END else { throw InputError("not valid gzip data (zlib status \(status))") }
        output.removeLast(output.count - produced)
        return output
    }

    /// The uncompressed size a gzip trailer states (its last four bytes, little-endian, modulo 4 GiB).
    private static func statedSize(_ bytes: [UInt8]) -> Int {
        guard bytes.count >= 18 else { return 0 }
        return bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
