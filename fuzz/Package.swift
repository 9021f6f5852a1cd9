// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for penviz's readers and documents, kept out of the main package so that its
/// `swift build` never needs the fuzzer runtime. Build and run one with `fuzz/run TARGET SECONDS`.
let package = Package(
    name: "penviz-fuzz",
    dependencies: [.package(name: "penviz", path: "..")],
    targets: [
        // Writes a fuzz input to a temporary file and feeds it to a reader.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "PenvizIO", package: "penviz"), .product(name: "PenvizCore", package: "penviz")]
        ),
        .executableTarget(name: "FuzzNpy", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzNpz", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzSafetensors", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzRunDiscovery", dependencies: ["FuzzSupport"]),
        // The pickle of a PyTorch file, wrapped in a well-formed torch.save zip.
        .executableTarget(name: "FuzzTorch", dependencies: ["FuzzSupport"]),
        // Class names into the report's Markdown, HTML and SVG, each checked (see its doc comment).
        .executableTarget(
            name: "FuzzDocuments",
            dependencies: [
                .product(name: "PenvizCore", package: "penviz"), .product(name: "PenvizAnalysis", package: "penviz"),
                .product(name: "PenvizReport", package: "penviz"),
            ]
        ),
    ]
)
