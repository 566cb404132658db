import TestSupport
import XCTest
@testable import Ledger

/// SHA-256 against the FIPS 180-4 / NIST example vectors, and against digests of the
/// padding-boundary lengths taken from coreutils `sha256sum` (an independent implementation).
final class SHA256Tests: XCTestCase {
    func testEmptyString() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testABC() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage448Bits() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        XCTAssertEqual(message.utf8.count, 56)  // 448 bits: the length no longer fits in the first block
        XCTAssertEqual(SHA256.hex(Array(message.utf8)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testMessage896Bits() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        XCTAssertEqual(message.utf8.count, 112)
        XCTAssertEqual(SHA256.hex(Array(message.utf8)), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testOneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        XCTAssertEqual(SHA256.hex(message), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding boundaries (digests from `sha256sum`).
    func testPaddingBoundaries() {
        let expected: [Int: String] = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
        ]
        for (length, digest) in expected {
            XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: length)), digest, "length \(length)")
        }
    }

    func testUTF8Text() {
        // printf '日记账' | sha256sum
        XCTAssertEqual(SHA256.hex(Array("日记账".utf8)), "d24e61e0f5ad415e3a67c62400e676384f809b0b6ccb70d6d358fa7b872d1c6f")
    }

    /// Feeding the bytes in odd-sized pieces (including slices whose indices do not start
    /// at 0, as the seal rule passes them) gives the one-shot digest.
    func testIncrementalUpdatesEqualOneShot() {
        var bytes: [UInt8] = []
        var generator = SplitMix64(seed: 20_190_305)
        for _ in 0..<1_000 { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
        let oneShot = SHA256.hex(bytes)
        for chunkSizes in [[1], [3], [7, 1], [63], [64], [65], [1, 63, 64, 65, 2], [127, 5, 200]] {
            var hasher = SHA256()
            var offset = 0
            var turn = 0
            while offset < bytes.count {
                let size = min(chunkSizes[turn % chunkSizes.count], bytes.count - offset)
                hasher.update(bytes[offset..<offset + size])
                offset += size
                turn += 1
            }
            XCTAssertEqual(hasher.hexDigest(), oneShot, "chunks \(chunkSizes)")
        }
    }

    /// Finishing a digest leaves the running hash usable: the seal rule reads the digest
    /// at every seal line and keeps hashing.
    func testBytesWithoutContiguousStorageHashAlike() {
        // A lazy collection has no contiguous storage: it goes the copying way, same digest.
        let lazy = (0..<300).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var split = SHA256()
        split.update(lazy.prefix(100))
        split.update(lazy.dropFirst(100))
        XCTAssertEqual(split.hexDigest(), SHA256.hex(Array(lazy)))
    }

    func testDigestDoesNotDisturbRunningHash() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        XCTAssertEqual(hasher.hexDigest(), SHA256.hex(Array("ab".utf8)))
        XCTAssertEqual(hasher.hexDigest(), SHA256.hex(Array("ab".utf8)))
        hasher.update(Array("c".utf8))
        XCTAssertEqual(hasher.hexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hasher.finalize().count, 32)
    }
}
