import PenvizCore

/// Names the arrays of a pickled PyTorch object: nested dicts flatten to dotted
/// keys (`model.fc.weight`), items of lists and tuples to their index
/// (`features.0`). A list of strings is one array of strings, a list of numbers
/// one array of numbers, a number a 0-d array; `None`, single strings, bytes and
/// anything opaque are left out.
///
/// The walk is bounded: at most ``TorchArchive/depthLimit`` levels deep (a
/// pickle that holds itself is refused there), and at most `budget` values
/// visited in all, so a pickle whose memo repeats one list inside another, over
/// and over, cannot make it exponential.
struct TorchKeys {
    let file: String
    /// Values left to visit.
    private var budget: Int
    private var leaves: [(String, TorchLeaf)] = []
    private var seen: Set<String> = []

    init(file: String, budget: Int) {
        self.file = file
        self.budget = budget
    }

    /// The arrays in `root`, in the order the pickle holds them; a bare tensor or
    /// number is named `stem`.
    mutating func flatten(_ root: PickleValue, stem: String) throws -> [(String, TorchLeaf)] {
        switch root {
        case .container, .tuple: try visit(root, key: "", depth: 0)
        default: try visit(root, key: stem, depth: 0)
        }
        return leaves
    }

    private mutating func visit(_ value: PickleValue, key: String, depth: Int) throws {
        budget -= 1
        guard budget >= 0 else {
            throw PenvizError.input(file, "the pickle refers to the same values over and over, more than a file of tensors does")
        }
        guard depth <= TorchArchive.depthLimit else {
            throw PenvizError.input(
                file, "the pickle nests dicts and lists more than \(TorchArchive.depthLimit) deep (or holds itself) at '\(VisibleText.escaped(key))'")
        }
        switch value {
        case .tensor(let tensor): try add(key, .tensor(tensor))
        case .int(let number): try add(key, .numbers(.ints([number]), shape: []))
        case .float(let number): try add(key, .numbers(.floats([number]), shape: []))
        case .bool(let flag): try add(key, .numbers(.bools([flag]), shape: []))
        case .container(let container) where container.isDict:
            for (name, item) in zip(container.keys!, container.items) {
                guard let part = TorchKeys.keyText(name) else { continue }
                try visit(item, key: key.isEmpty ? part : key + "." + part, depth: depth + 1)
            }
        case .container(let container): try visitSequence(container.items, key: key, depth: depth)
        case .tuple(let items): try visitSequence(items, key: key, depth: depth)
        case .none, .string, .bytes, .opaque, .global, .storage: break
        }
    }

    /// A list or tuple: one array when it holds only strings or only numbers, else its items by index.
    private mutating func visitSequence(_ items: [PickleValue], key: String, depth: Int) throws {
        // Looking at the items costs as much as visiting them: a shared list of many items counts each time.
        budget -= items.count
        guard budget >= 0 else {
            throw PenvizError.input(file, "the pickle refers to the same values over and over, more than a file of tensors does")
        }
        if !items.isEmpty, !key.isEmpty, let leaf = TorchKeys.uniform(items) {
            try add(key, leaf)
            return
        }
        for (index, item) in items.enumerated() {
            try visit(item, key: key.isEmpty ? String(index) : "\(key).\(index)", depth: depth + 1)
        }
    }

    /// The array a list of only strings, only bools, only ints, or only numbers makes; nil otherwise.
    private static func uniform(_ items: [PickleValue]) -> TorchLeaf? {
        var strings: [String] = [], floats: [Double] = [], ints: [Int] = [], bools: [Bool] = []
        for item in items {
            switch item {
            case .string(let text): strings.append(text)
            case .int(let number): ints.append(number); floats.append(Double(number))
            case .float(let number): floats.append(number)
            case .bool(let flag): bools.append(flag)
            default: return nil
            }
        }
        if strings.count == items.count { return .strings(strings) }
        if bools.count == items.count { return .numbers(.bools(bools), shape: [items.count]) }
        if ints.count == items.count { return .numbers(.ints(ints), shape: [items.count]) }
        if floats.count == items.count { return .numbers(.floats(floats), shape: [items.count]) }
        return nil
    }

    /// A dict key as text: a string, or an int in decimal; nil for other keys (left out).
    private static func keyText(_ key: PickleValue) -> String? {
        switch key {
        case .string(let text): text
        case .int(let number): String(number)
        default: nil
        }
    }

    private mutating func add(_ key: String, _ leaf: TorchLeaf) throws {
        guard seen.insert(key).inserted else {
            throw PenvizError.input(file, key: VisibleText.escaped(key), "two values of the pickle flatten to this key")
        }
        leaves.append((key, leaf))
    }
}
