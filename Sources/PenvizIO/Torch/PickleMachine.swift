import Foundation
import PenvizCore

/// Interprets a pickle (protocols 2–5) without executing it: a stack machine
/// that builds only `None`, booleans, numbers, strings, bytes, tuples, lists,
/// dicts and tensors, and calls only the few ``TorchGlobal``s that rebuild them.
///
/// Python's `pickle.load` imports whatever module and calls whatever function a
/// pickle names, which is how a malicious file runs code; `torch.load` does the
/// same unless `weights_only=True`. This machine has no such path: a `GLOBAL`
/// naming anything else is refused on the spot, with its name.
///
/// Cost is bounded by the pickle's size: every opcode reads at least one byte
/// and pushes at most one value; lengths are checked against the bytes left
/// before anything is allocated; the memo is a dictionary, so a huge memo index
/// costs nothing. The containers it builds live in an arena that ``release()``
/// empties, so deep nesting and self-reference are freed without recursion.
struct PickleMachine {
    /// The file, named in errors.
    let file: String
    /// The pickle's bytes.
    private let bytes: UnsafeRawBufferPointer
    /// Turns a persistent id (`BINPERSID`) into a value: PyTorch names storages this way.
    private let persistentLoad: (PickleValue) throws -> PickleValue

    private var position = 0
    private var stack: [PickleValue] = []
    /// The stack heights at each `MARK`, innermost last.
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]
    /// Every list and dict made, emptied by ``release()``.
    private var arena: [PickleContainer] = []

    /// A machine for the pickle `bytes` from `file`, with `persistentLoad` for its persistent ids.
    init(bytes: UnsafeRawBufferPointer, file: String, persistentLoad: @escaping (PickleValue) throws -> PickleValue) {
        self.bytes = bytes
        self.file = file
        self.persistentLoad = persistentLoad
    }

    /// Runs the pickle to its `STOP` and returns the value it built.
    mutating func run() throws -> PickleValue {
        while true {
            let at = position
            let opcode = try byte()
            if opcode == Opcode.stop {
                guard stack.count == 1, marks.isEmpty else {
                    throw fail("STOP leaves \(stack.count) values on the stack", at: at)
                }
                return stack[0]
            }
            try execute(opcode, at: at)
        }
    }

    /// Empties every container the machine made: call it when done with the values.
    mutating func release() {
        for container in arena { container.empty() }
        arena = []
        memo = [:]
        stack = []
    }

    // MARK: - Opcodes

    /// The opcodes of protocols 2–5 this machine knows.
    private enum Opcode {
        static let mark = UInt8(ascii: "("), stop = UInt8(ascii: "."), pop = UInt8(ascii: "0"), popMark = UInt8(ascii: "1")
        static let dup = UInt8(ascii: "2"), none = UInt8(ascii: "N"), binInt = UInt8(ascii: "J"), binInt1 = UInt8(ascii: "K")
        static let binInt2 = UInt8(ascii: "M"), binFloat = UInt8(ascii: "G"), binString = UInt8(ascii: "T")
        static let shortBinString = UInt8(ascii: "U"), binUnicode = UInt8(ascii: "X"), binBytes = UInt8(ascii: "B")
        static let shortBinBytes = UInt8(ascii: "C"), emptyTuple = UInt8(ascii: ")"), tuple = UInt8(ascii: "t")
        static let emptyList = UInt8(ascii: "]"), append = UInt8(ascii: "a"), appends = UInt8(ascii: "e"), list = UInt8(ascii: "l")
        static let emptyDict = UInt8(ascii: "}"), setItem = UInt8(ascii: "s"), setItems = UInt8(ascii: "u"), dict = UInt8(ascii: "d")
        static let global = UInt8(ascii: "c"), reduce = UInt8(ascii: "R"), build = UInt8(ascii: "b"), binPersId = UInt8(ascii: "Q")
        static let binPut = UInt8(ascii: "q"), longBinPut = UInt8(ascii: "r"), binGet = UInt8(ascii: "h"), longBinGet = UInt8(ascii: "j")
        static let proto: UInt8 = 0x80, newObj: UInt8 = 0x81, tuple1: UInt8 = 0x85, tuple2: UInt8 = 0x86, tuple3: UInt8 = 0x87
        static let newTrue: UInt8 = 0x88, newFalse: UInt8 = 0x89, long1: UInt8 = 0x8A, long4: UInt8 = 0x8B
        static let shortBinUnicode: UInt8 = 0x8C, binUnicode8: UInt8 = 0x8D, binBytes8: UInt8 = 0x8E, emptySet: UInt8 = 0x8F
        static let addItems: UInt8 = 0x90, frozenSet: UInt8 = 0x91, stackGlobal: UInt8 = 0x93, memoize: UInt8 = 0x94, frame: UInt8 = 0x95
    }

    private mutating func execute(_ opcode: UInt8, at: Int) throws {
        switch opcode {
        case Opcode.proto:
            let version = try byte()
            guard (2...5).contains(version) else { throw fail("pickle protocol \(version); penviz reads protocols 2–5", at: at) }
        case Opcode.frame: _ = try fixed(8)
        case Opcode.mark: marks.append(stack.count)
        case Opcode.pop: _ = try pop(at: at)
        case Opcode.popMark: _ = try popToMark(at: at)
        case Opcode.dup: stack.append(try top(at: at))
        case Opcode.none: stack.append(.none)
        case Opcode.newTrue: stack.append(.bool(true))
        case Opcode.newFalse: stack.append(.bool(false))
        case Opcode.binInt: stack.append(.int(Int(Int32(bitPattern: UInt32(try integer(4))))))
        case Opcode.binInt1: stack.append(.int(Int(try byte())))
        case Opcode.binInt2: stack.append(.int(Int(try integer(2))))
        case Opcode.long1: stack.append(try long(length: Int(try byte())))
        case Opcode.long4: stack.append(try long(length: try length(4)))
        case Opcode.binFloat: stack.append(.float(Double(bitPattern: try bigEndian(8))))
        case Opcode.shortBinUnicode: stack.append(.string(try text(length: Int(try byte()), at: at)))
        case Opcode.binUnicode: stack.append(.string(try text(length: try length(4), at: at)))
        case Opcode.binUnicode8: stack.append(.string(try text(length: try length(8), at: at)))
        case Opcode.shortBinString: stack.append(.string(String(decoding: try fixed(Int(try byte())), as: Unicode.ASCII.self)))
        case Opcode.binString: stack.append(.string(String(decoding: try fixed(try length(4)), as: Unicode.ASCII.self)))
        case Opcode.shortBinBytes: stack.append(.bytes(Array(try fixed(Int(try byte())))))
        case Opcode.binBytes: stack.append(.bytes(Array(try fixed(try length(4)))))
        case Opcode.binBytes8: stack.append(.bytes(Array(try fixed(try length(8)))))
        case Opcode.emptyTuple: stack.append(.tuple([]))
        case Opcode.tuple: stack.append(.tuple(try popToMark(at: at)))
        case Opcode.tuple1, Opcode.tuple2, Opcode.tuple3:
            let count = Int(opcode - Opcode.tuple1) + 1
            guard stack.count - (marks.last ?? 0) >= count else { throw fail("TUPLE\(count) with too few values", at: at) }
            stack.append(.tuple(Array(stack.suffix(count))))
            stack.removeSubrange((stack.count - count - 1)..<(stack.count - 1))
        case Opcode.emptyList: stack.append(.container(make(dict: false)))
        case Opcode.list:
            let list = make(dict: false)
            list.items = try popToMark(at: at)
            stack.append(.container(list))
        case Opcode.append: try append([try pop(at: at)], at: at)
        case Opcode.appends: try append(try popToMark(at: at), at: at)
        case Opcode.emptyDict: stack.append(.container(make(dict: true)))
        case Opcode.dict:
            let dict = make(dict: true)
            try fill(dict, with: try popToMark(at: at), at: at)
            stack.append(.container(dict))
        case Opcode.setItem:
            let value = try pop(at: at), key = try pop(at: at)
            try fill(try dictOnTop(at: at), with: [key, value], at: at)
        case Opcode.setItems:
            let pairs = try popToMark(at: at)
            try fill(try dictOnTop(at: at), with: pairs, at: at)
        case Opcode.emptySet: stack.append(.opaque("a set"))
        case Opcode.addItems:
            _ = try popToMark(at: at)
            guard case .opaque = try top(at: at) else { throw fail("ADDITEMS on \(try top(at: at).kind)", at: at) }
        case Opcode.frozenSet:
            _ = try popToMark(at: at)
            stack.append(.opaque("a frozenset"))
        case Opcode.global:
            let module = try line(at: at), name = try line(at: at)
            stack.append(.global(try allowed(module, name, at: at)))
        case Opcode.stackGlobal:
            let name = try pop(at: at), module = try pop(at: at)
            guard case .string(let moduleName) = module, case .string(let globalName) = name else {
                throw fail("STACK_GLOBAL with \(module.kind) and \(name.kind) for a module and a name", at: at)
            }
            stack.append(.global(try allowed(moduleName, globalName, at: at)))
        case Opcode.reduce:
            let arguments = try pop(at: at), callable = try pop(at: at)
            guard case .tuple(let values) = arguments else { throw fail("REDUCE with \(arguments.kind) for arguments", at: at) }
            guard case .global(let global) = callable else { throw fail("REDUCE calls \(callable.kind), not a function", at: at) }
            stack.append(try call(global, values, at: at))
        case Opcode.newObj:
            _ = try pop(at: at)
            throw fail("NEWOBJ makes an instance of \(try pop(at: at).kind); penviz loads tensors only", at: at)
        case Opcode.build:
            // State set on a state_dict (its _metadata) or a tensor (its attributes): penviz needs neither.
            let state = try pop(at: at), target = try top(at: at)
            switch target {
            case .container(let container) where container.isDict: break
            case .tensor: break
            default: throw fail("BUILD sets \(state.kind) on \(target.kind)", at: at)
            }
        case Opcode.binPersId: stack.append(try persistentLoad(try pop(at: at)))
        case Opcode.binPut: memo[Int(try byte())] = try top(at: at)
        case Opcode.longBinPut: memo[Int(try integer(4))] = try top(at: at)
        case Opcode.memoize: memo[memo.count] = try top(at: at)
        case Opcode.binGet: stack.append(try memoized(Int(try byte()), at: at))
        case Opcode.longBinGet: stack.append(try memoized(Int(try integer(4)), at: at))
        default:
            throw fail(String(format: "opcode 0x%02X is not one penviz reads (protocols 2–5, tensors only)", opcode), at: at)
        }
    }

    // MARK: - Calls

    /// The global `module.name` when it is allowed; otherwise the error that names it.
    private func allowed(_ module: String, _ name: String, at: Int) throws -> TorchGlobal {
        guard let global = TorchGlobal(module: module, name: name) else {
            let shown = VisibleText.escaped("\(module).\(name)")
            throw PenvizError.input(
                file, "pickle asks for '\(shown)'; penviz loads tensors only and never runs a pickle's code (byte \(at) of data.pkl)")
        }
        return global
    }

    /// What calling `global` with `arguments` builds.
    private mutating func call(_ global: TorchGlobal, _ arguments: [PickleValue], at: Int) throws -> PickleValue {
        switch global {
        case .orderedDict:
            guard arguments.isEmpty else { throw fail("OrderedDict called with \(arguments.count) arguments", at: at) }
            return .container(make(dict: true))
        case .rebuildTensor:
            // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            guard arguments.count >= 4, case .storage(let storage) = arguments[0], case .int(let offset) = arguments[1],
                  let shape = integers(arguments[2]), let strides = integers(arguments[3])
            else {
                throw fail("a tensor is rebuilt from \(arguments.map(\.kind).joined(separator: ", ")), not from a storage, "
                    + "an offset, a shape and strides", at: at)
            }
            do {
                return .tensor(try TorchTensor(storage: storage, offset: offset, shape: shape, strides: strides))
            } catch {
                throw PenvizError.input(file, "tensor of storage '\(VisibleText.escaped(storage.key))': \(error.message)")
            }
        case .rebuildParameter, .parameter:
            guard case .tensor = arguments.first else { throw fail("a Parameter of \(arguments.first?.kind ?? "nothing")", at: at) }
            return arguments[0]
        case .rebuildFromType:
            // _rebuild_from_type_v2(func, new_type, args, state): func(*args), as a plain tensor.
            guard arguments.count == 4, case .global(let function) = arguments[0], case .global(.tensorType) = arguments[1],
                  case .tuple(let inner) = arguments[2], [.rebuildTensor, .rebuildParameter].contains(function)
            else { throw fail("_rebuild_from_type_v2 of something other than a tensor", at: at) }
            return try call(function, inner, at: at)
        case .size:
            guard arguments.count == 1, case .tuple = arguments[0] else { throw fail("torch.Size of \(arguments.count) values", at: at) }
            return arguments[0]
        case .encode:
            // _codecs.encode(text, 'latin1'): protocol 2's spelling of bytes.
            guard arguments.count == 2, case .string(let text) = arguments[0], case .string("latin1") = arguments[1],
                  text.unicodeScalars.allSatisfy({ $0.value < 256 })
            else { throw fail("_codecs.encode with other than a latin-1 string", at: at) }
            return .bytes(text.unicodeScalars.map { UInt8($0.value) })
        case .tensorType, .storageType:
            throw fail("'\(global.name)' is called; penviz only names storages with it", at: at)
        }
    }

    /// The ints of a tuple (a shape or strides), or nil.
    private func integers(_ value: PickleValue) -> [Int]? {
        guard case .tuple(let items) = value else { return nil }
        var result: [Int] = []
        for item in items {
            guard case .int(let number) = item else { return nil }
            result.append(number)
        }
        return result
    }

    // MARK: - Containers

    private mutating func make(dict: Bool) -> PickleContainer {
        let container = PickleContainer(dict: dict)
        arena.append(container)
        return container
    }

    private mutating func append(_ items: [PickleValue], at: Int) throws {
        guard case .container(let list) = try top(at: at), !list.isDict else {
            throw fail("APPEND to \(try top(at: at).kind)", at: at)
        }
        list.items += items
    }

    private func dictOnTop(at: Int) throws -> PickleContainer {
        guard case .container(let dict) = try top(at: at), dict.isDict else { throw fail("SETITEM on \(try top(at: at).kind)", at: at) }
        return dict
    }

    private func fill(_ dict: PickleContainer, with pairs: [PickleValue], at: Int) throws {
        guard pairs.count.isMultiple(of: 2) else { throw fail("SETITEMS with an odd number of values", at: at) }
        for index in stride(from: 0, to: pairs.count, by: 2) { dict.set(pairs[index], pairs[index + 1]) }
    }

    // MARK: - Stack and memo

    private mutating func pop(at: Int) throws -> PickleValue {
        guard stack.count > (marks.last ?? 0) else { throw fail("the stack is empty", at: at) }
        return stack.removeLast()
    }

    private func top(at: Int) throws -> PickleValue {
        guard let last = stack.last, stack.count > (marks.last ?? 0) else { throw fail("the stack is empty", at: at) }
        return last
    }

    private mutating func popToMark(at: Int) throws -> [PickleValue] {
        guard let mark = marks.popLast() else { throw fail("no MARK to return to", at: at) }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return items
    }

    private func memoized(_ index: Int, at: Int) throws -> PickleValue {
        guard let value = memo[index] else { throw fail("memo index \(index) was never stored", at: at) }
        return value
    }

    // MARK: - Reading

    private func fail(_ problem: String, at: Int) -> PenvizError {
        PenvizError.input(file, "data.pkl is not a pickle of tensors penviz can read: \(problem) (byte \(at))")
    }

    private mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw fail("the pickle ends without STOP", at: position) }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next `count` bytes.
    private mutating func fixed(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, let slice = bytes.slice(at: position, length: count) else {
            throw fail("a value of \(count) bytes runs past the pickle's end", at: position)
        }
        position += count
        return slice
    }

    /// A little-endian unsigned integer of `size` bytes (at most 8).
    private mutating func integer(_ size: Int) throws -> UInt64 {
        try fixed(size).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A big-endian unsigned integer of `size` bytes (BINFLOAT's bits).
    private mutating func bigEndian(_ size: Int) throws -> UInt64 {
        try fixed(size).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A length of `size` bytes, checked against the bytes left before anything is allocated.
    private mutating func length(_ size: Int) throws -> Int {
        let at = position
        let value = try integer(size)
        guard value <= UInt64(bytes.count - position) else {
            throw fail("a length of \(value) runs past the pickle's end", at: at)
        }
        return Int(value)
    }

    /// A two's-complement little-endian integer of `length` bytes (LONG1, LONG4); one
    /// beyond 64 bits is kept as opaque (no tensor's shape needs it).
    private mutating func long(length: Int) throws -> PickleValue {
        let digits = try fixed(length)
        guard length <= 8 else { return .opaque("an integer of \(length) bytes") }
        guard length > 0 else { return .int(0) }
        let unsigned = digits.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let shift = UInt64(64 - 8 * length)
        return .int(Int(Int64(bitPattern: unsigned << shift) >> Int64(shift)))
    }

    private mutating func text(length: Int, at: Int) throws -> String {
        let raw = try fixed(length)
        guard let text = String(validating: raw, as: UTF8.self) else { throw fail("a string is not valid UTF-8", at: at) }
        return text
    }

    /// A newline-terminated line of GLOBAL's operand (at most 1000 bytes).
    private mutating func line(at: Int) throws -> String {
        let start = position
        while position < bytes.count, bytes[position] != 0x0A, position - start < 1000 { position += 1 }
        guard position < bytes.count, bytes[position] == 0x0A else { throw fail("GLOBAL's name has no end", at: at) }
        defer { position += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }
}
