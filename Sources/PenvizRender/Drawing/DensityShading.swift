import Foundation

/// Shades a scatter as per-class densities instead of drawing every point, for
/// panels with more points than a file should hold one by one.
///
/// The plot area is cut into square cells a quarter of a point diameter wide. Each
/// class's points are counted per cell, and the counts are spread over the
/// cells a point's marker would cover (a disc of the point diameter), giving
/// each cell its coverage `v`: how many markers of the class would cover it, on
/// average. A cell then takes the class's opacity `1 − (1 − α)^v`, which is
/// what `v` overlapping markers of opacity `α` give, so the shading looks like
/// the scatter it replaces wherever points are dense. Where classes overlap, the
/// opacities combine as `1 − ∏(1 − opacityₖ)` and the colour is the
/// opacity-weighted mean of the class colours, whatever the class order.
enum DensityShading {
    /// The density picture of `scatter` over `transform`'s plot area, with
    /// markers `diameter` points across of opacity `alpha` in the class colours.
    static func image(of scatter: Scatter, classes: [ClassStyle], transform: DataTransform,
                      diameter: Double, alpha: Double) -> PixelImage {
        let frame = transform.frame
        let cell = cellSize(diameter: diameter)
        let columns = max(1, Int((frame.width / cell).rounded(.up)))
        let rows = max(1, Int((frame.height / cell).rounded(.up)))
        var counts = [[Double]](repeating: [Double](repeating: 0, count: columns * rows), count: classes.count)
        for index in 0..<scatter.count {
            let point = transform.page(x: scatter.x[index], y: scatter.y[index])
            guard point.isFinite else { continue }
            let column = Int(((point.x - frame.minX) / cell).rounded(.down))
            let row = Int(((point.y - frame.minY) / cell).rounded(.down))
            guard (0..<columns).contains(column), (0..<rows).contains(row) else { continue }
            counts[scatter.classIndex[index]][row * columns + column] += 1
        }
        let kernel = discKernel(diameter: diameter / cell)
        let coverage = counts.map { spread($0, columns: columns, rows: rows, kernel: kernel) }

        var pixels = [UInt32](repeating: 0, count: columns * rows)
        for index in pixels.indices {
            var clear = 1.0, red = 0.0, green = 0.0, blue = 0.0, weight = 0.0
            for (slot, style) in classes.enumerated() where coverage[slot][index] > 0 {
                let classAlpha = alpha * style.color.alpha
                let opacity = 1 - pow(1 - classAlpha, coverage[slot][index])
                clear *= 1 - opacity
                red += opacity * style.color.red
                green += opacity * style.color.green
                blue += opacity * style.color.blue
                weight += opacity
            }
            guard weight > 0 else { continue }
            let opacity = 1 - clear
            func byte(_ value: Double) -> UInt32 { UInt32((min(max(value, 0), 1) * 255).rounded()) }
            pixels[index] = byte(opacity) << 24 | byte(red / weight * opacity) << 16
                | byte(green / weight * opacity) << 8 | byte(blue / weight * opacity)
        }
        return PixelImage(width: columns, height: rows, pixels: pixels)
    }

    /// The page rectangle the image of a plot area covers: whole cells from the
    /// frame's top left corner, so it may reach past the right and bottom edges.
    static func extent(of image: PixelImage, in frame: Rect, diameter: Double) -> Rect {
        let cell = cellSize(diameter: diameter)
        return Rect(x: frame.minX, y: frame.minY, width: Double(image.width) * cell, height: Double(image.height) * cell)
    }

    /// The side of a cell for markers `diameter` points across: a quarter of the
    /// diameter, so a lone point still shades as a round spot; at least a
    /// quarter point, so a panel has at most a few thousand cells a side.
    static func cellSize(diameter: Double) -> Double {
        max(diameter / 4, 0.25)
    }

    /// For a disc of `diameter` cells centred on a cell's centre, the area it
    /// covers of each cell around, in cells (so the weights sum to the disc's
    /// area, π d² / 4), measured on a 16 × 16 grid of samples per cell.
    /// Row after row, `2 · reach + 1` a side.
    static func discKernel(diameter: Double) -> (reach: Int, weights: [Double]) {
        let radius = diameter / 2
        let reach = Int((radius + 0.5).rounded(.up))
        let side = 2 * reach + 1, samples = 16
        var weights = [Double](repeating: 0, count: side * side)
        for row in 0..<side {
            for column in 0..<side {
                var inside = 0
                for sy in 0..<samples {
                    for sx in 0..<samples {
                        let x = Double(column - reach) - 0.5 + (Double(sx) + 0.5) / Double(samples)
                        let y = Double(row - reach) - 0.5 + (Double(sy) + 0.5) / Double(samples)
                        if x * x + y * y <= radius * radius { inside += 1 }
                    }
                }
                weights[row * side + column] = Double(inside) / Double(samples * samples)
            }
        }
        return (reach, weights)
    }

    /// `counts` spread over the neighbouring cells by `kernel`.
    static func spread(_ counts: [Double], columns: Int, rows: Int,
                       kernel: (reach: Int, weights: [Double])) -> [Double] {
        let side = 2 * kernel.reach + 1
        var result = [Double](repeating: 0, count: counts.count)
        for row in 0..<rows {
            for column in 0..<columns where counts[row * columns + column] > 0 {
                let count = counts[row * columns + column]
                for dy in -kernel.reach...kernel.reach where (0..<rows).contains(row + dy) {
                    for dx in -kernel.reach...kernel.reach where (0..<columns).contains(column + dx) {
                        result[(row + dy) * columns + column + dx]
                            += count * kernel.weights[(dy + kernel.reach) * side + dx + kernel.reach]
                    }
                }
            }
        }
        return result
    }
}
