import Foundation
import Ledger

/// Bytes of a spreadsheet export → text. Chinese Excel saves "CSV（逗号分隔）" in GBK and
/// "CSV UTF-8" with a BOM; WPS and hand-made files are often plain UTF-8. `auto` takes a
/// UTF-8 BOM, then valid UTF-8, then a UTF-16 BOM, else GB18030 (a superset of GBK and
/// GB2312). Undecodable input is refused with the line where it breaks, never guessed at.
public enum TextDecoding {
    /// What the user asked for (`--encoding`).
    public enum Choice: String, Sendable, CaseIterable {
        case auto, utf8 = "utf-8", gb18030 = "gbk"

        /// `auto`, `utf-8`/`utf8`, `gbk`/`gb18030`/`gb2312` (any case).
        public static func named(_ text: String) -> Choice? {
            switch text.lowercased() {
            case "auto", "自动": return .auto
            case "utf-8", "utf8": return .utf8
            case "gbk", "gb18030", "gb2312", "gb-18030", "cp936": return .gb18030
            default: return nil
            }
        }
    }

    /// What the bytes turned out to be.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8（带 BOM）"
        case utf16 = "UTF-16"
        case gb18030 = "GBK/GB18030"
    }

    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var encoding: Encoding
    }

    /// Why the bytes are not text we can read; `line` is 1-based (0 when it is the whole file).
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Foundation's GB18030 (kCFStringEncodingGB_18030_2000), available on Linux too.
    static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ bytes: [UInt8], as choice: Choice = .auto) -> Result<Decoded, Failure> {
        if let failure = notTextAtAll(bytes) { return .failure(failure) }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        switch choice {
        case .utf8:
            return decodeUTF8(bytes, hasBOM: hasBOM, hint: "若文件由 Excel 另存为“CSV（逗号分隔）”，通常是 GBK 编码：请去掉 --encoding 或改用 --encoding gbk")
        case .gb18030:
            return decodeGB18030(bytes, hint: "请确认文件的编码，或去掉 --encoding 让 fundflow 自动识别")
        case .auto:
            if hasBOM {
                return decodeUTF8(bytes, hasBOM: true, hint: "文件以 UTF-8 的 BOM 开头，内容却不是 UTF-8：文件可能已损坏，请在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”")
            }
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
                guard let text = String(data: Data(bytes[2...]), encoding: encoding) else {
                    return .failure(Failure(line: 0, message: "文件以 UTF-16 的 BOM 开头，内容却无法按 UTF-16 读出：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"))
                }
                return .success(Decoded(text: text, encoding: .utf16))
            }
            if firstInvalidUTF8(bytes[...]) == nil {
                return .success(Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8))
            }
            return decodeGB18030(bytes, hint: "它既不是 UTF-8，也不是 GBK/GB18030 文本：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入")
        }
    }

    /// Workbooks and other binary files, recognised by their first bytes.
    static func notTextAtAll(_ bytes: [UInt8]) -> Failure? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return Failure(line: 0, message: "这是 Excel 工作簿（.xlsx）或其他压缩文件，不是 CSV：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return Failure(line: 0, message: "这是旧版 Excel 工作簿（.xls），不是 CSV：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入")
        }
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !utf16, let zero = bytes.firstIndex(of: 0) {
            return Failure(
                line: lineNumber(ofOffset: zero, in: bytes[...]),
                message: "含有 NUL 字节，不是文本 CSV（可能是 UTF-16 无 BOM 或二进制文件）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
        }
        return nil
    }

    static func decodeUTF8(_ bytes: [UInt8], hasBOM: Bool, hint: String) -> Result<Decoded, Failure> {
        let body = hasBOM ? bytes[3...] : bytes[...]
        if let offset = firstInvalidUTF8(body) {
            return .failure(
                Failure(
                    line: lineNumber(ofOffset: body.startIndex + offset, in: bytes[...]),
                    message: "这一行不是有效的 UTF-8 文本：\(hint)"))
        }
        return .success(Decoded(text: String(decoding: body, as: UTF8.self), encoding: hasBOM ? .utf8WithBOM : .utf8))
    }

    static func decodeGB18030(_ bytes: [UInt8], hint: String) -> Result<Decoded, Failure> {
        if let text = String(data: Data(bytes), encoding: gb18030Encoding) {
            return .success(Decoded(text: text, encoding: .gb18030))
        }
        // Find the first line that does not decode. A line feed (0x0A) is never part of a
        // GB18030 multi-byte sequence, so lines can be tried one by one.
        var line = 1
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if String(data: Data(bytes[start..<end]), encoding: gb18030Encoding) == nil { break }
            line += 1
            start = end + 1
        }
        return .failure(Failure(line: start <= bytes.count ? line : 0, message: "这一行无法按 GBK/GB18030 解码：\(hint)"))
    }

    static func lineNumber(ofOffset offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + bytes[bytes.startIndex..<offset].lazy.filter { $0 == 0x0A }.count
    }

    /// Strict UTF-8: the offset of the first byte that breaks it, or nil (the journal
    /// reader's own check, so a CSV and a journal agree on what UTF-8 is).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? { UTF8Check.firstInvalidOffset(bytes) }
}
