#if canImport(Glibc)
import Glibc
#endif

/// A hint to the kernel: back a large array's reserved memory with 2 MB pages. A province's
/// journal touches some 150 MB of fresh memory, and faulting it in 4 KB at a time costs a
/// fifth of the run; with huge pages it is a few hundred faults. A hint only: nothing
/// changes when the kernel says no (or on a system without it).
enum HugePages {
    /// Arrays smaller than this keep the kernel's default.
    static let minimumBytes = 8 << 20

    /// Advises the array's storage (its whole capacity); call it right after reserving, before
    /// the memory is written.
    static func advise<Element>(_ array: inout [Element]) {
        #if os(Linux)
        let bytes = array.capacity * MemoryLayout<Element>.stride
        guard bytes >= minimumBytes else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let page = 2 << 20
            let start = (Int(bitPattern: UnsafeMutableRawPointer(base)) + page - 1) & ~(page - 1)
            let end = (Int(bitPattern: UnsafeMutableRawPointer(base)) + bytes) & ~(page - 1)
            guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(address, end - start, MADV_HUGEPAGE)
        }
        #endif
    }
}
