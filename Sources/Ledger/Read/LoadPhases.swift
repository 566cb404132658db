#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// With `FUNDFLOW_PHASES=1` in the environment, the compact loader prints how long each of
/// its phases took to standard error — for profiling with `bench/`, never in normal use.
/// Marks are made on the main thread only; chunk threads report their own span.
enum LoadPhases {
    static let enabled = getenv("FUNDFLOW_PHASES") != nil
    nonisolated(unsafe) private static var lastMark: UInt64 = 0

    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The time since the previous mark, named for the phase that just ended.
    static func mark(_ phase: String) {
        guard enabled else { return }
        let now = nanoseconds()
        if lastMark > 0 { fputs("fundflow phase \(phase): \((now - lastMark) / 1_000_000) ms\n", stderr) }
        lastMark = now
    }

    static func report(chunk: Int, since started: UInt64, entries: Int) {
        guard enabled else { return }
        fputs("fundflow phase chunk \(chunk) parsed: \((nanoseconds() - started) / 1_000_000) ms, \(entries) entries\n", stderr)
    }
}
