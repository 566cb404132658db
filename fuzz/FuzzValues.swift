// libFuzzer target "values": the bytes are one field value, given to the amount, date, plan
// and percentage parsers directly (and to the tokenizer as a line). Faster than the journal
// target, so it explores the value grammars more deeply. Build and run with fuzz/run.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValues(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzChecks.values(bytes[...])
    FuzzChecks.tokenizer(bytes[...])
    return 0
}
