// swift-tools-version:5.10
import PackageDescription

// fundflow builds with the Swift toolchain alone: it must compile offline on an
// isolated government network, so there are no package dependencies.
let package = Package(
    name: "fundflow",
    products: [
        .executable(name: "fundflow", targets: ["CLI"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Monitor", targets: ["Monitor"]),
        .library(name: "Interchange", targets: ["Interchange"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "Ledger"),
        .target(name: "Monitor", dependencies: ["Ledger"]),
        .target(name: "Interchange", dependencies: ["Ledger", "Monitor"]),
        .executableTarget(name: "CLI", dependencies: ["Ledger", "Monitor", "Interchange"]),
        // Seeded randomness shared by the test targets (not part of the product).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "TestSupport"]),
        .testTarget(name: "MonitorTests", dependencies: ["Ledger", "Monitor"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Ledger", "Interchange", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Ledger", "Monitor", "TestSupport"]),
    ]
)
