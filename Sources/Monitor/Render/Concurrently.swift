import Dispatch

/// Pieces of a report made on both cores at once, then put together in order: each piece is a
/// pure function of the report, so the text is the same as when made one after the other.
enum Concurrently {
    /// The pieces' results, in the order given; one after the other when `parallel` is false.
    static func make<Piece: Sendable>(_ pieces: [@Sendable () -> Piece], parallel: Bool = true) -> [Piece] {
        guard parallel, pieces.count > 1 else { return pieces.map { $0() } }
        var results = [Piece?](repeating: nil, count: pieces.count)
        results.withUnsafeMutableBufferPointer { output in
            let slots = output
            DispatchQueue.concurrentPerform(iterations: pieces.count) { index in slots[index] = pieces[index]() }
        }
        return results.map { $0! }
    }
}
