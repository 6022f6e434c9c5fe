import CZlib
import WarraqCore

/// Gunzips bytes in memory (`.html.gz` as crawlers store pages), so that the encoding can be
/// judged on the page's own bytes.
enum Gzip {
    /// No news page is this big; a small file that inflates past it is an attack, not a page.
    static let maximumSize = 256 << 20

    static func isCompressed(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x1F, 0x8B]) }

    static func decompress(_ bytes: [UInt8]) throws(InputError) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            var status = Z_OK
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_BUF_ERROR, stream.avail_in == 0 { break }
                if output.count > maximumSize { return Z_MEM_ERROR }
            }
            return status
        }
        if status == Z_MEM_ERROR, output.count > maximumSize {
            throw InputError("gunzips to more than \(maximumSize >> 20) MB (a gzip bomb?); not read")
        }
        guard status == Z_STREAM_END else { throw InputError("not valid gzip data (zlib status \(status))") }
        return output
    }
}
