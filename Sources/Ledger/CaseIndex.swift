/// The place of a payload-free enum's case in declaration order — its `allCases` order —
/// read from the one byte Swift stores it as, instead of hashing it: the diagnostic codes of a
/// million findings and the verb of every line are counted and looked up this way. Each enum
/// that uses it has a test holding it to `allCases`.
@inline(__always)
func caseIndex<T>(of value: T) -> Int {
    assert(MemoryLayout<T>.size == 1, "a payload-free enum of at most 256 cases")
    return withUnsafeBytes(of: value) { Int($0[0]) }
}
