import Ledger

/// A CSV table's bytes as a batch of rows is written: a buffer grown ahead of each row, and
/// a cursor writing cells straight into it — no string per cell.
struct CSVBytes {
    /// Zero-filled beyond `count`: the room rows are written into.
    private(set) var storage: [UInt8] = []
    private(set) var count = 0

    mutating func removeAll() { count = 0 }

    /// Writes one row (or any run of bytes) of at most `atMost` bytes.
    mutating func write(atMost: Int, _ body: (inout CSVCursor) -> Void) {
        if count + atMost > storage.count { storage.append(contentsOf: repeatElement(0, count: max(atMost, storage.count, 1 << 16))) }
        let start = count
        var end = start
        storage.withUnsafeMutableBufferPointer { buffer in
            var cursor = CSVCursor(base: buffer.baseAddress!, at: start)
            body(&cursor)
            end = cursor.at
        }
        precondition(end - start <= atMost, "a CSV row outgrew the room made for it")
        count = end
    }

    /// The bytes written so far (or `range` of them).
    var written: ArraySlice<UInt8> { storage[0..<count] }
}

/// Writes cells at `base + at`; the caller has made room.
struct CSVCursor {
    let base: UnsafeMutablePointer<UInt8>
    var at: Int

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        base[at] = value
        at += 1
    }

    /// Copies `count` bytes; a cell is short, so eight bytes at a time in place rather than
    /// by a call to `memmove`.
    @inline(__always)
    mutating func bytes(_ from: UnsafePointer<UInt8>, _ count: Int) {
        guard count <= 64 else {
            (base + at).update(from: from, count: count)
            at += count
            return
        }
        let source = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(base + at)
        var offset = 0
        while offset + 8 <= count {
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self)
            offset += 1
        }
        at += count
    }

    @inline(__always)
    mutating func bytes(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { if let from = $0.baseAddress { bytes(from, $0.count) } }
    }

    /// Journal text as a safe CSV field (the report CSVs' rule, `CSVRenderer.field`, byte by byte): a
    /// formula starter (`=`, `+`, `-`, `@`, tab, CR, LF or the full-width ＝＋－＠) gets a
    /// leading `'`; a field holding a comma, quote, CR or LF is quoted, its quotes doubled.
    mutating func field(_ text: UnsafeBufferPointer<UInt8>) {
        guard let from = text.baseAddress, !text.isEmpty else { return }
        let count = text.count
        let first = from[0]
        var neutralise = first < 64 ? (CSVCursor.formulaStarts >> UInt64(first)) & 1 != 0 : first == UInt8(ascii: "@")
        if first == 0xEF, count >= 3, from[1] == 0xBC, from[2] == 0x9D || from[2] == 0x8B || from[2] == 0x8D || from[2] == 0xA0 { neutralise = true }
        guard CSVCursor.needsQuotes(from, count) else {
            if neutralise { byte(UInt8(ascii: "'")) }
            bytes(from, count)
            return
        }
        byte(UInt8(ascii: "\""))
        if neutralise { byte(UInt8(ascii: "'")) }
        for offset in 0..<count {
            if from[offset] == UInt8(ascii: "\"") { byte(UInt8(ascii: "\"")) }
            byte(from[offset])
        }
        byte(UInt8(ascii: "\""))
    }

    /// Whether the text holds a comma, quote, CR or LF — eight bytes at a time.
    @inline(__always)
    static func needsQuotes(_ from: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let raw = UnsafeRawPointer(from)
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x2C)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x22)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x0D)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x0A)) != 0 {
                return true
            }
            offset += 8
        }
        while offset < count {
            let byte = from[offset]
            if byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A { return true }
            offset += 1
        }
        return false
    }

    /// The most bytes `field` writes for `count` bytes of text.
    static func fieldBytes(_ count: Int) -> Int { 2 * count + 3 }

    /// ASCII formula starters below 64, as bits: `=`, `+`, `-`, tab, CR, LF (and `@`, 64).
    @inline(__always)
    static var formulaStarts: UInt64 { 1 << 0x3D | 1 << 0x2B | 1 << 0x2D | 1 << 0x09 | 1 << 0x0D | 1 << 0x0A }

    /// 元 with two decimals, as `Amount.yuanString` writes it (`-125800.00`).
    mutating func yuan(_ amountFen: Int64) {
        if amountFen == 0 {
            // Half the effect cells of a row.
            byte(UInt8(ascii: "0")); byte(UInt8(ascii: ".")); byte(UInt8(ascii: "0")); byte(UInt8(ascii: "0"))
            return
        }
        let magnitude = amountFen.magnitude
        var yuan = magnitude / 100
        let cents = Int(magnitude % 100)
        if amountFen < 0 { byte(UInt8(ascii: "-")) }
        var digits = 1
        var probe = yuan
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = at + digits - 1
        repeat {
            base[position] = UInt8(ascii: "0") + UInt8(yuan % 10)
            yuan /= 10
            position -= 1
        } while yuan > 0
        at += digits
        byte(UInt8(ascii: "."))
        byte(UInt8(ascii: "0") + UInt8(cents / 10))
        byte(UInt8(ascii: "0") + UInt8(cents % 10))
    }

    /// A YYYYMMDD key as `YYYY-MM-DD` (years 1900–2999: four digits).
    mutating func date(_ key: Int32) {
        year(key)
        byte(UInt8(ascii: "-"))
        twoDigits(Int(key / 100 % 100))
        byte(UInt8(ascii: "-"))
        twoDigits(Int(key % 100))
    }

    /// The year of a YYYYMMDD key.
    mutating func year(_ key: Int32) {
        let year = Int(key / 10_000)
        twoDigits(year / 100)
        twoDigits(year % 100)
    }

    @inline(__always)
    private mutating func twoDigits(_ value: Int) {
        byte(UInt8(ascii: "0") + UInt8(value / 10))
        byte(UInt8(ascii: "0") + UInt8(value % 10))
    }
}

extension Array where Element == UInt8 {
    /// The text as a CSV field (`CSVCursor.field`).
    init(csvField text: String) {
        var text = text
        self = text.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: CSVCursor.fieldBytes(utf8.count)) { buffer, count in
                var cursor = CSVCursor(base: buffer.baseAddress!, at: 0)
                cursor.field(utf8)
                count = cursor.at
            }
        }
    }
}
