// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "penviz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "penviz", targets: ["penviz"]),
        .library(name: "PenvizCore", targets: ["PenvizCore"]),
        .library(name: "PenvizIO", targets: ["PenvizIO"]),
        .library(name: "PenvizAnalysis", targets: ["PenvizAnalysis"]),
        .library(name: "PenvizRender", targets: ["PenvizRender"]),
        .library(name: "PenvizReport", targets: ["PenvizReport"]),
        .library(name: "PenvizServe", targets: ["PenvizServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Arrays, runs, the template plane and every metric. Pure Swift, Float64 maths.
        .target(name: "PenvizCore"),
        // File formats (npy, npz, safetensors, CSV/TSV) and run discovery.
        .target(
            name: "PenvizIO",
            dependencies: [
                "PenvizCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "CZlibShim",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The C interface of OpenBLAS (matrix products of the logit engine); nothing but the system library.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // The measuring engine in logit space and every measured result (comparison,
        // calibration, erasure, automatic triplets), as plain Codable values.
        .target(name: "PenvizAnalysis", dependencies: ["PenvizCore", "CBLAS", "CRowKernels"]),
        // The row kernels of a feature projection in C: portable, and AVX2 where the CPU has it.
        .target(name: "CRowKernels"),
        // The C shim for Cairo; nothing but the system library.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // zlib's CRC-32, which ZIPFoundation's Linux build does not use (it checks byte by byte).
        .systemLibrary(
            name: "CZlibShim",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libpng's simplified writer, for PNGs encoded faster than Cairo's own.
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        // Scene model (pure Swift) and the Cairo backend that draws it.
        .target(name: "PenvizRender", dependencies: ["PenvizCore", "PenvizAnalysis", "CCairo", "CPNG"]),
        // HTML, Markdown and JSON reports.
        .target(name: "PenvizReport", dependencies: ["PenvizCore", "PenvizIO", "PenvizAnalysis", "PenvizRender"]),
        // `penviz serve`: the explorer's HTTP endpoints (FlyingFox) and its page.
        .target(
            name: "PenvizServe",
            dependencies: [
                "PenvizCore", "PenvizAnalysis", "PenvizRender",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            exclude: ["README.md"],
            resources: [.copy("Page")]
        ),
        // The thin command line.
        .executableTarget(
            name: "penviz",
            dependencies: [
                "PenvizCore", "PenvizIO", "PenvizAnalysis", "PenvizRender", "PenvizReport", "PenvizServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's in-process projection pass (bench/README.md); not part of the tool.
        .executableTarget(
            name: "projection-pass",
            dependencies: ["PenvizCore", "PenvizIO", "PenvizAnalysis"],
            path: "bench/projection-pass"
        ),
        .testTarget(name: "PenvizCoreTests", dependencies: ["PenvizCore", "PenvizTestSupport"]),
        .testTarget(
            name: "PenvizIOTests",
            dependencies: ["PenvizIO", "PenvizCore", "PenvizTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Runs and documents built in memory, shared by the test targets.
        .target(name: "PenvizTestSupport", dependencies: ["PenvizAnalysis", "PenvizCore"], path: "Tests/PenvizTestSupport"),
        .testTarget(name: "PenvizAnalysisTests", dependencies: ["PenvizAnalysis", "PenvizCore", "PenvizTestSupport"]),
        .testTarget(name: "PenvizRenderTests", dependencies: ["PenvizRender", "PenvizAnalysis", "PenvizCore", "PenvizTestSupport"]),
        .testTarget(name: "PenvizReportTests", dependencies: ["PenvizReport", "PenvizAnalysis", "PenvizCore", "PenvizTestSupport"]),
        .testTarget(
            name: "PenvizServeTests",
            dependencies: [
                "PenvizServe", "PenvizAnalysis", "PenvizRender", "PenvizCore", "PenvizTestSupport",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "PenvizCLITests",
            dependencies: ["penviz", "PenvizIO", "PenvizAnalysis", "PenvizCore"]
        ),
    ]
)
