import CSV
import Foundation
import PenvizCore

/// A `.csv` or `.tsv` file of numbers: an archive holding one float64 array.
///
/// Fields are separated by commas (`.csv`) or tabs (`.tsv`), quoted as RFC 4180 allows,
/// and trimmed of surrounding spaces. The first row is a header of column names when
/// any of its fields is not a number. Every other row must have as many fields as the
/// first, each a number (Swift's `Double` syntax, which includes `nan` and `inf`);
/// blank lines are skipped. N rows of C columns give an N×C array, a single column
/// gives a 1-d array of N. Only numbers are read: class names come from `.npy` arrays
/// or `--class-names`, not from CSV.
///
/// The file is parsed when opened and held in memory (CSV is for small data; large
/// arrays belong in `.npy`, `.npz` or `.safetensors`, which are mapped).
public struct DelimitedTextFile: ArrayArchive, Sendable {
    /// The path as given, used in error messages.
    public let path: String
    /// The one key: the file stem, or the key given.
    public let key: String
    /// The header row's names, or nil when the file has no header row.
    public let columnNames: [String]?
    private let values: ArrayView
    private let storedType: String

    /// Reads the file at `path`; `key` overrides the key (the file stem by default).
    public init(path: String, key: String? = nil) throws {
        let key = key ?? ArchiveKeys.stem(of: path)
        let isTabSeparated = URL(fileURLWithPath: path).pathExtension.lowercased() == "tsv"
        func fail(_ problem: String) -> PenvizError { PenvizError.input(path, key: key, problem) }

        // The text is decoded whole: CSVReader's stream input reports an error at the end of
        // every file on Linux, and a string input also lets penviz reject bad UTF-8 by name.
        let file = try MappedFile.map(path)
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // a UTF-8 byte-order mark
        guard let text = String(validating: bytes, as: UTF8.self) else { throw fail("is not UTF-8 text") }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, trimFields: true, delimiter: isTabSeparated ? "\t" : ",")
        } catch {
            throw fail("cannot read the file")
        }
        var numbers: [Double] = []
        var header: [String]?
        var columns: Int?
        var rowNumber = 0
        var dataRows = 0
        while let row = reader.next() {
            rowNumber += 1
            if row == [""] { continue }  // a blank line
            guard let width = columns else {
                columns = row.count
                if row.contains(where: { Double($0) == nil }) {
                    header = row
                    continue
                }
                numbers.append(contentsOf: row.map { Double($0)! })
                dataRows += 1
                continue
            }
            guard row.count == width else {
                throw fail("row \(rowNumber) has \(row.count) fields but the first row has \(width)")
            }
            for (column, field) in row.enumerated() {
                guard let number = Double(field) else {
                    throw fail("row \(rowNumber), column \(column + 1): '\(DelimitedTextFile.shown(field))' is not a number")
                }
                numbers.append(number)
            }
            dataRows += 1
        }
        guard let width = columns, dataRows > 0 else { throw fail("holds no rows of numbers") }

        let storage = ByteStorage(count: numbers.count * 8) { buffer in
            for (index, number) in numbers.enumerated() {
                buffer.storeBytes(of: number.bitPattern.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
        }
        self.path = path
        self.key = key
        self.columnNames = header
        self.storedType = isTabSeparated ? "tsv" : "csv"
        self.values = try ArrayView(
            shape: width == 1 ? [dataRows] : [dataRows, width], dtype: .float64, byteOrder: .little, storage: storage)
    }

    /// Longest field text an error message quotes.
    private static let shownLength = 40

    /// `field` as an error message quotes it: on one line (a quoted field may hold line breaks,
    /// and the error must stay one line) and cut short (a field may be megabytes long).
    private static func shown(_ field: String) -> String {
        let escaped = field.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }
        let text = escaped.prefix(shownLength).joined()
        return escaped.count > shownLength ? text + "…" : text
    }

    public var entries: [ArrayEntry] {
        [ArrayEntry(key: key, storedType: storedType, dtype: .float64, shape: values.shape, byteCount: values.byteCount)]
    }

    public func array(_ key: String) throws -> ArrayView {
        guard key == self.key else { throw missingKey(key) }
        return values
    }
}
