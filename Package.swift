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
    ],
    dependencies: [],
    targets: [
        .target(name: "Ledger"),
        .target(name: "Monitor", dependencies: ["Ledger"]),
        .executableTarget(name: "CLI", dependencies: ["Ledger", "Monitor"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger"]),
        .testTarget(name: "MonitorTests", dependencies: ["Ledger", "Monitor"]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "Ledger"]),
    ]
)
