import PenvizCore

/// A value the pickle machine (``PickleMachine``) builds: only what a file of
/// tensors holds. Anything else a pickle could make is refused before it exists.
indirect enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case bytes([UInt8])
    case tuple([PickleValue])
    /// A list or a dict: shared and mutable, as pickle's memo requires (``PickleContainer``).
    case container(PickleContainer)
    /// One of the callables and types the machine allows (``TorchGlobal``).
    case global(TorchGlobal)
    /// A storage of the archive, as a persistent id names it.
    case storage(TorchStorage)
    /// A tensor: a view of a storage.
    case tensor(TorchTensor)
    /// A value penviz has no use for and keeps no content of: an integer beyond 64 bits, a set.
    case opaque(String)

    /// What the value is, for error messages: "a tuple", "an int".
    var kind: String {
        switch self {
        case .none: "None"
        case .bool: "a bool"
        case .int: "an int"
        case .float: "a float"
        case .string: "a string"
        case .bytes: "bytes"
        case .tuple: "a tuple"
        case .container(let container): container.isDict ? "a dict" : "a list"
        case .global(let global): "'\(global.name)'"
        case .storage: "a storage"
        case .tensor: "a tensor"
        case .opaque(let what): what
        }
    }
}

/// A list or dict under construction. Pickle builds a container empty, memoizes
/// it, and fills it afterwards, so a container is a shared reference.
///
/// Every container belongs to the machine's arena, which empties them all when
/// it is done (``PickleMachine/release()``): a pickle nested 100,000 deep, or
/// holding itself, is then freed without recursion and without a cycle.
final class PickleContainer {
    /// A list's items, or a dict's values in insertion order.
    var items: [PickleValue] = []
    /// A dict's keys, parallel to ``items``; nil for a list.
    var keys: [PickleValue]?
    /// Where each string or int key sits in ``keys``, so setting an entry costs O(1).
    private var positions: [DictKey: Int] = [:]

    /// The keys a dict of tensors uses, hashable.
    private enum DictKey: Hashable {
        case string(String)
        case int(Int)
    }

    /// True for a dict.
    var isDict: Bool { keys != nil }

    /// An empty list, or an empty dict.
    init(dict: Bool) {
        keys = dict ? [] : nil
    }

    /// Sets a dict entry: replaces the value of an equal string or int key, as Python
    /// does, else appends the entry.
    func set(_ key: PickleValue, _ value: PickleValue) {
        let hashable: DictKey?
        switch key {
        case .string(let text): hashable = .string(text)
        case .int(let number): hashable = .int(number)
        default: hashable = nil
        }
        if let hashable, let index = positions[hashable] {
            items[index] = value
            return
        }
        if let hashable { positions[hashable] = items.count }
        keys?.append(key)
        items.append(value)
    }

    /// Drops every item and key, so nothing this container holds is freed through it.
    func empty() {
        items = []
        keys = keys.map { _ in [] }
        positions = [:]
    }
}
