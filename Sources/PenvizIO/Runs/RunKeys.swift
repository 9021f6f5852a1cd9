#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which keys hold which parts of a run: the canonical names, the accepted
/// aliases (DESIGN.md §4) and the user's explicit overrides.
public struct RunKeys: Sendable {
    /// Layer-name prefixes that frameworks put before `weight` and `bias`.
    public static let layerPrefixes = ["fc", "classifier", "head", "out"]
    /// Keys searched for the weight, in order.
    public static let weightAliases = ["weight"] + layerPrefixes.map { "\($0).weight" } + ["W"]
    /// Keys searched for the bias, in order.
    public static let biasAliases = ["bias"] + layerPrefixes.map { "\($0).bias" } + ["b"]
    /// The split names shown first, in this order; other splits follow by name.
    public static let preferredSplitOrder = ["train", "val", "test"]

    /// An explicit weight key (`--weight-key`).
    public var weight: String?
    /// An explicit bias key (`--bias-key`).
    public var bias: String?
    /// An explicit class-names key (`--class-names-key`).
    public var classNames: String?
    /// An explicit features key (`--features-key`); it defines one split.
    public var features: String?
    /// An explicit labels key (`--labels-key`), with `features`.
    public var labels: String?
    /// An explicit logits key (`--logits-key`), with `features`.
    public var logits: String?

    public init(
        weight: String? = nil, bias: String? = nil, classNames: String? = nil,
        features: String? = nil, labels: String? = nil, logits: String? = nil
    ) {
        self.weight = weight
        self.bias = bias
        self.classNames = classNames
        self.features = features
        self.labels = labels
        self.logits = logits
    }

    /// The separators between a split's name and its part: `train_features`,
    /// `train/features` (a folder or an npz path) and `train.features` (safetensors style).
    static let splitSeparators = ["_", "/", "."]

    /// The key of split `split`'s `part` (`features`, `labels`, `logits`):
    /// `split_part`, `split/part` or `split.part`, whichever `keys` holds.
    static func splitKey(_ split: String, _ part: String, in keys: Set<String>) -> String? {
        splitSeparators.map { "\(split)\($0)\(part)" }.first { keys.contains($0) }
    }

    /// The placeholder for a split's name in a key given on the command line:
    /// `--features-key '{split}_feats'` names the features of every split at once.
    static let splitPlaceholder = "{split}"

    /// True when `key` holds the ``splitPlaceholder``.
    static func isSplitTemplate(_ key: String) -> Bool {
        key.contains(splitPlaceholder)
    }

    /// `template` with the split's name in place of ``splitPlaceholder``.
    static func filling(_ template: String, split: String) -> String {
        template.replacingOccurrences(of: splitPlaceholder, with: split)
    }

    /// The splits that `template` (holding ``splitPlaceholder`` once) names among `keys`:
    /// each key that matches with a non-empty name in place of the placeholder, in
    /// display order.
    static func splits(matching template: String, in keys: Set<String>) -> [(name: String, key: String)] {
        let parts = template.components(separatedBy: splitPlaceholder)
        guard parts.count == 2 else { return [] }
        let (prefix, suffix) = (parts[0], parts[1])
        var found: [String: String] = [:]
        for key in keys where key.count > prefix.count + suffix.count && key.hasPrefix(prefix) && key.hasSuffix(suffix) {
            found[String(key.dropFirst(prefix.count).dropLast(suffix.count))] = key
        }
        return ordered(Set(found.keys)).map { (name: $0, key: found[$0]!) }
    }

    /// True when `key` is a glob pattern (`*`, `?` or `[…]`), as in
    /// `--features-key 'train_features_rank*'` for one file per GPU rank.
    static func isPattern(_ key: String) -> Bool {
        key.contains { "*?[".contains($0) }
    }

    /// The keys that the glob `pattern` matches (`*` also crosses `/`), in natural
    /// order: digit runs compare as numbers, so `rank2` comes before `rank10`.
    static func matching(_ pattern: String, in keys: Set<String>) -> [String] {
        keys.filter { fnmatch(pattern, $0, 0) == 0 }.sorted { naturalOrder($0, $1) }
    }

    /// True when `a` sorts before `b` with digit runs compared as numbers.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        func pieces(_ text: String) -> [(text: String, number: Int?)] {
            var result: [(String, Int?)] = []
            var current = "", digits = false
            for character in text {
                let isDigit = character.isASCII && character.isNumber
                if !current.isEmpty, isDigit != digits {
                    result.append((current, digits ? Int(current) : nil))
                    current = ""
                }
                digits = isDigit
                current.append(character)
            }
            if !current.isEmpty { result.append((current, digits ? Int(current) : nil)) }
            return result
        }
        for (x, y) in zip(pieces(a), pieces(b)) where x.text != y.text {
            if let m = x.number, let n = y.number, m != n { return m < n }
            return x.text < y.text
        }
        return pieces(a).count < pieces(b).count
    }

    /// The split names that have features, in display order: train, val, test, then the rest by name.
    static func splitNames(in keys: Set<String>) -> [String] {
        var names = Set<String>()
        for key in keys {
            for suffix in splitSeparators.map({ $0 + "features" }) where key.hasSuffix(suffix) && key.count > suffix.count {
                names.insert(String(key.dropLast(suffix.count)))
            }
        }
        return ordered(names)
    }

    /// Split names in display order: train, val, test, then the rest by name.
    private static func ordered(_ names: Set<String>) -> [String] {
        let preferred = preferredSplitOrder.filter { names.contains($0) }
        return preferred + names.subtracting(preferred).sorted()
    }
}
