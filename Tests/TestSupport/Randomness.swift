import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast and fully deterministic, so a seed
/// printed by a failing run reproduces it (FUNDFLOW_SEED=N swift test …). One generator for
/// every test target.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }
    public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// The seed for a randomised test: FUNDFLOW_SEED when set, else the clock. Printed so a
/// failure can be replayed.
public func testSeed(_ testName: String) -> UInt64 {
    let seed: UInt64
    if let text = ProcessInfo.processInfo.environment["FUNDFLOW_SEED"], let value = UInt64(text) {
        seed = value
    } else {
        seed = UInt64(Date().timeIntervalSince1970 * 1_000_000) & 0xFFFF_FFFF_FFFF
    }
    print("\(testName) seed: \(seed)  (replay with FUNDFLOW_SEED=\(seed))")
    return seed
}
