// libFuzzer target "journal": the bytes are one journal file. They go through the whole
// reader pipeline (JournalReader.parse → Tokenizer → EntryParser → Validator.validate), every
// accepted entry through the writer round trip, and the file's lines and fields through the
// amount, date and plan parsers. See fuzz/FuzzChecks.swift for what counts as a finding.
// Build and run with fuzz/run.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzChecks.journal(bytes)
    return 0
}
