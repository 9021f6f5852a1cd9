import Foundation
import PenvizCore
import Testing

@testable import PenvizIO

/// Pickles that try what a malicious or broken `.pt` file would: run code, nest
/// without end, refer to what is not there, reach past a storage, claim sizes no
/// file holds. Each is refused with one error naming the file, without running
/// anything, without crashing and without allocating from the claim.
@Suite("Hostile PyTorch files")
struct HostileTorchTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// A pickle written opcode by opcode (protocol 2).
    struct Pickle {
        var bytes: [UInt8] = [0x80, 2]

        mutating func op(_ code: Character) { bytes.append(code.asciiValue!) }
        mutating func raw(_ more: [UInt8]) { bytes += more }
        mutating func string(_ text: String) {
            let utf8 = Array(text.utf8)
            op("X")
            raw(withUnsafeBytes(of: UInt32(utf8.count).littleEndian, Array.init) + utf8)
        }
        mutating func global(_ module: String, _ name: String) {
            op("c")
            raw(Array("\(module)\n\(name)\n".utf8))
        }
        mutating func int(_ value: UInt8) { op("K"); raw([value]) }
        /// LONG1 of eight bytes: any Int.
        mutating func long(_ value: Int) { raw([0x8A, 8] + withUnsafeBytes(of: value.littleEndian, Array.init)) }
        mutating func put(_ index: UInt8) { op("q"); raw([index]) }
        mutating func get(_ index: UInt8) { op("h"); raw([index]) }
        mutating func stop() { op(".") }

        /// The persistent id of storage `key` of `count` floats, on the stack.
        mutating func floatStorage(_ key: String, count: UInt8) {
            op("(")
            string("storage")
            global("torch", "FloatStorage")
            string(key)
            string("cpu")
            int(count)
            op("t")
            op("Q")
        }

        /// `_rebuild_tensor_v2(storage KEY, offset, size, stride, False, OrderedDict())` on the stack.
        mutating func tensor(_ key: String, count: UInt8, offset: Int = 0, size: [Int], stride: [Int]) {
            global("torch._utils", "_rebuild_tensor_v2")
            op("(")
            floatStorage(key, count: count)
            long(offset)
            op("("); size.forEach { long($0) }; op("t")
            op("("); stride.forEach { long($0) }; op("t")
            raw([0x89])
            global("collections", "OrderedDict")
            op(")"); op("R")
            op("t")
            op("R")
        }

        /// A dict `{name: tensor}` of one tensor, then STOP.
        static func oneTensor(count: UInt8, offset: Int = 0, size: [Int], stride: [Int]) -> Pickle {
            var pickle = Pickle()
            pickle.op("}")
            pickle.string("x")
            pickle.tensor("0", count: count, offset: offset, size: size, stride: stride)
            pickle.op("s")
            pickle.stop()
            return pickle
        }
    }

    /// A `torch.save`-shaped zip: `archive/data.pkl`, `archive/byteorder` and the storages given.
    func write(_ pickle: Pickle, storages: [String: [UInt8]] = [:], name: String = "hostile.pt") throws -> String {
        let members = [("archive/data.pkl", pickle.bytes), ("archive/byteorder", Array("little".utf8))]
            + storages.sorted { $0.key < $1.key }.map { ("archive/data/\($0.key)", $0.value) }
        return try folder.write(ZipBytes.stored(members.map { (name: $0.0, content: $0.1) }), to: name)
    }

    /// Opens `path`, expecting one input error holding every fragment.
    func expectRefused(_ path: String, _ fragments: String..., read key: String? = nil) {
        do {
            let archive = try TorchArchive(path: path)
            if let key { _ = try archive.array(key) }
            Issue.record("\(path) was read")
        } catch let error as PenvizError {
            #expect(error.kind == .input && error.message.hasPrefix(path + ": "), "\(error.message)")
            for fragment in fragments { #expect(error.message.contains(fragment), "\(error.message)") }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a pickle that calls os.system is refused by name, and nothing runs")
    func osSystem() throws {
        let marker = folder.file("ran")
        var pickle = Pickle()
        pickle.global("os", "system")
        pickle.string("touch \(marker)")
        pickle.raw([0x85])  // TUPLE1
        pickle.op("R")
        pickle.stop()
        expectRefused(try write(pickle), "pickle asks for 'os.system'", "penviz loads tensors only")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("builtins.eval reached through STACK_GLOBAL and REDUCE is refused by name")
    func evalThroughStackGlobal() throws {
        var pickle = Pickle()
        pickle.string("builtins")
        pickle.string("eval")
        pickle.raw([0x93])  // STACK_GLOBAL
        pickle.op("(")
        pickle.string("__import__('os').system('true')")
        pickle.op("t")
        pickle.op("R")
        pickle.stop()
        expectRefused(try write(pickle), "pickle asks for 'builtins.eval'")
    }

    @Test("lists nested 100,000 deep are refused at the depth limit, and freed without a crash")
    func deepNesting() throws {
        var pickle = Pickle()
        for _ in 0..<100_000 { pickle.op("]") }
        for _ in 0..<99_999 { pickle.op("a") }
        pickle.stop()
        expectRefused(try write(pickle), "nests dicts and lists more than 64 deep")
    }

    @Test("a list that holds itself is refused, not walked forever")
    func selfReference() throws {
        var pickle = Pickle()
        pickle.op("]")
        pickle.put(0)
        pickle.get(0)
        pickle.op("a")
        pickle.stop()
        expectRefused(try write(pickle), "or holds itself")
    }

    @Test("one list referred to twice at each of 60 levels is refused by the visit budget, not walked 2⁶⁰ times")
    func exponentialSharing() throws {
        var pickle = Pickle()
        pickle.op("]")
        pickle.int(1)
        pickle.op("a")
        pickle.put(0)
        pickle.op("0")
        for _ in 0..<60 {
            pickle.op("(")
            pickle.get(0)
            pickle.get(0)
            pickle.op("l")
            pickle.put(0)
            pickle.op("0")
        }
        pickle.get(0)
        pickle.stop()
        expectRefused(try write(pickle), "refers to the same values over and over")
    }

    @Test("a memo index never stored")
    func missingMemo() throws {
        var pickle = Pickle()
        pickle.get(5)
        pickle.stop()
        expectRefused(try write(pickle), "memo index 5 was never stored")
    }

    @Test("a persistent id naming a storage the archive lacks")
    func missingStorage() throws {
        var pickle = Pickle()
        pickle.floatStorage("7", count: 4)
        pickle.stop()
        expectRefused(try write(pickle), "names storage '7'", "no member 'archive/data/7'")
    }

    @Test("a storage whose member holds fewer bytes than it claims")
    func shortStorage() throws {
        expectRefused(
            try write(Pickle.oneTensor(count: 4, size: [4], stride: [1]), storages: ["0": [UInt8](repeating: 0, count: 12)]),
            "storage '0' should hold 4 float32 elements, but its member has 12 bytes")
    }

    @Test("a view reaching past its storage, by its shape or its offset")
    func pastStorage() throws {
        let floats = [UInt8](repeating: 0, count: 16)
        expectRefused(try write(Pickle.oneTensor(count: 4, size: [3, 2], stride: [2, 1]), storages: ["0": floats]),
                      "reaches element 5 of a storage of 4")
        expectRefused(try write(Pickle.oneTensor(count: 4, offset: 3, size: [2], stride: [1]), storages: ["0": floats], name: "o.pt"),
                      "reaches element 4 of a storage of 4")
    }

    @Test("shapes whose product overflows, and negative strides, are refused before any allocation")
    func overflowingShapes() throws {
        let floats = [UInt8](repeating: 0, count: 16)
        expectRefused(try write(Pickle.oneTensor(count: 4, size: [1 << 40, 1 << 40], stride: [0, 0]), storages: ["0": floats]),
                      "holds more elements than can be counted")
        expectRefused(try write(Pickle.oneTensor(count: 4, size: [2], stride: [-1]), storages: ["0": floats], name: "n.pt"),
                      "must not be negative")
    }

    @Test("a string longer than the pickle, an unknown opcode, NEWOBJ and a pickle without STOP")
    func brokenPickles() throws {
        var long = Pickle()
        long.op("X")
        long.raw([0xFF, 0xFF, 0xFF, 0x7F])
        expectRefused(try write(long, name: "long.pt"), "a length of 2147483647 runs past the pickle's end")
        var text = Pickle()
        text.op("I")
        expectRefused(try write(text, name: "text.pt"), "opcode 0x49 is not one penviz reads")
        var instance = Pickle()
        instance.global("torch", "Tensor")
        instance.op(")")
        instance.raw([0x81])
        instance.stop()
        expectRefused(try write(instance, name: "newobj.pt"), "NEWOBJ makes an instance")
        var cut = Pickle()
        cut.op("}")
        expectRefused(try write(cut, name: "cut.pt"), "the pickle ends without STOP")
    }

    @Test("a well-formed tensor in the same hand-made file reads its values")
    func control() throws {
        let values: [Float] = [1.5, -2, 0.25, 8]
        let bytes = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        let path = try write(Pickle.oneTensor(count: 4, offset: 1, size: [3], stride: [1]), storages: ["0": bytes])
        #expect(try TorchArchive(path: path).array("x").doubles() == [-2, 0.25, 8])
    }
}
