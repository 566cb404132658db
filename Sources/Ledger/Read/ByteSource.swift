#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal's bytes, file by file, for reading a line again or hashing up to a seal:
/// bytes held in memory, or an open file read with `pread` (with `tail` read as if it
/// followed the file's last byte — an append judges the journal with its new line before
/// writing it). Descriptors given to it are its own and closed with it.
final class ByteSource: @unchecked Sendable {
    enum Backing {
        case memory([UInt8])
        case file(descriptor: Int32, size: Int, tail: [UInt8])
    }

    private(set) var files: [Backing]

    init(_ files: [Backing]) { self.files = files }

    /// The journal's files opened for reading, in order, then `last` (an append's target, read
    /// through its locked descriptor, with the new lines as its tail); the first file that
    /// cannot be opened, as a failure (what was opened is closed again).
    static func open(_ paths: [String], then last: Backing? = nil) -> Result<ByteSource, FileFailure> {
        var backings: [Backing] = []
        for path in paths {
            switch FileIO.openForReading(path: path) {
            case .success(let opened): backings.append(.file(descriptor: opened.descriptor, size: opened.size, tail: []))
            case .failure(let failure):
                _ = ByteSource(backings)  // closes what was opened
                return .failure(FileFailure(path: path, reason: failure.reason))
            }
        }
        if let last { backings.append(last) }
        return .success(ByteSource(backings))
    }

    deinit {
        for case .file(let descriptor, _, _) in files { close(descriptor) }
    }

    /// Size of a file's bytes, tail included.
    func size(_ file: Int) -> Int {
        switch files[file] {
        case .memory(let bytes): return bytes.count
        case .file(_, let size, let tail): return size + tail.count
        }
    }

    /// Fills `into` with up to `count` bytes from `offset`; fewer only at the end; nil on a read error.
    func read(file: Int, offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int? {
        switch files[file] {
        case .memory(let bytes):
            let take = max(0, min(count, bytes.count - offset))
            if take > 0 { bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: take) } }
            return take
        case .file(let descriptor, let size, let tail):
            var done = 0
            if offset < size {
                let want = min(count, size - offset)
                guard let got = FileIO.read(descriptor: descriptor, offset: offset, count: want, into: buffer) else { return nil }
                if got < want { return got }
                done = got
            }
            let tailOffset = offset + done - size
            let fromTail = max(0, min(count - done, tail.count - tailOffset))
            if fromTail > 0 {
                tail.withUnsafeBytes { (buffer + done).copyMemory(from: $0.baseAddress! + tailOffset, byteCount: fromTail) }
            }
            return done + fromTail
        }
    }

    /// Calls `body` with the bytes from..<to of a file, a block at a time.
    func stream(file: Int, from: Int, to: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        var block = [UInt8](repeating: 0, count: Limits.sealHashBlockBytes)
        var position = from
        while position < to {
            let got = block.withUnsafeMutableBytes { raw in read(file: file, offset: position, count: min(raw.count, to - position), into: raw.baseAddress!) }
            guard let got, got > 0 else { return }
            block.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            position += got
        }
    }

    /// The line starting at `offset`, without its line ending (at most one byte past the
    /// longest line allowed, so that a longer one still reads as too long).
    func line(file: Int, offset: Int) -> [UInt8] {
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        var position = offset
        while line.count <= Limits.maxLineBytes {
            let got = chunk.withUnsafeMutableBytes { raw in read(file: file, offset: position, count: raw.count, into: raw.baseAddress!) }
            guard let got, got > 0 else { break }
            if let newline = chunk.prefix(got).firstIndex(of: UInt8(ascii: "\n")) {
                line += chunk.prefix(newline)
                break
            }
            line += chunk.prefix(got)
            position += got
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if offset == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        return line
    }
}
