import Foundation
import XCTest

/// The harness itself: the test SHA-256 must be right, and the binary must be the one built
/// with this test bundle.
final class RunnerSelfTests: FundflowTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(TestSHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(TestSHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            TestSHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // 1,000,000 × "a" exercises many blocks.
        XCTAssertEqual(
            TestSHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256AgreesWithSystemToolWhenPresent() throws {
        let tool = "/usr/bin/sha256sum"
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw XCTSkip("no \(tool)") }
        let sample = Array("2019-01-01 项目 P01 一号项目\r\n\u{FEFF}é\0\n".utf8) + [0xFF, 0xFE]
        writeBytes(sample, to: "sample.bin")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [path("sample.bin")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try ProcessLaunch.serialized { try process.run() }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(String(output.prefix(64)), TestSHA256.hex(sample))
    }

    func testBinaryIsTheOneBuiltWithThisBundle() throws {
        let binary = try XCTUnwrap(FundflowBinary.url)
        let beside = Bundle.main.bundleURL.appendingPathComponent("fundflow").standardizedFileURL
        let overridden = !(ProcessInfo.processInfo.environment["FUNDFLOW_TEST_BINARY"] ?? "").isEmpty
        if !overridden, FileManager.default.fileExists(atPath: beside.path) {
            XCTAssertEqual(binary.path, beside.path, "must prefer the binary in the test bundle's products folder")
        }
        let result = try run(["--version"])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(result.stdout.hasPrefix("fundflow "), result.summary)
    }

    func testEnvironmentIsControlled() throws {
        // An inherited FUNDFLOW_JOURNAL must not leak into tests that do not ask for one:
        // with none given, fundflow falls back to ./fundflow.journal, which does not exist.
        let result = try run(["check"])
        XCTAssertEqual(result.exitCode, 3, result.summary)
        XCTAssertTrue(result.stderr.contains("fundflow.journal"), result.summary)
    }
}
