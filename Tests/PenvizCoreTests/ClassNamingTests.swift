import Testing

@testable import PenvizCore

/// ``ClassNaming/classID(for:)``: what a user types for a class, and the error
/// when it names none, kept to one readable line at any K.
@Suite("Class naming")
struct ClassNamingTests {
    struct Named: ClassNaming {
        let source = "run.npz"
        let classNames: [String]
    }

    static func message(_ names: [String], _ token: String) -> String? {
        do { _ = try Named(classNames: names).classID(for: token) } catch let error as PenvizError { return error.message } catch {}
        return nil
    }

    @Test("a name, an id, or a name in another case; commas inside names are part of them")
    func found() throws {
        let run = Named(classNames: ["tench, Tinca tinca", "goldfish", "Toy Poodle"])
        #expect(try run.classID(for: "tench, Tinca tinca") == 0 && run.classID(for: " 1 ") == 1 && run.classID(for: "toy poodle") == 2)
    }

    @Test("few classes: all of them listed, a name with a comma quoted")
    func fewClasses() {
        #expect(Self.message(["tench, Tinca tinca", "goldfish", "owl"], "eel")
            == "unknown class 'eel' in run.npz; classes are: 'tench, Tinca tinca', goldfish, owl")
    }

    @Test("many classes: those whose name contains the token, at most 20, else the first 20 and the ids")
    func manyClasses() {
        let names = (0..<1000).map { "class \($0)" }
        #expect(Self.message(names, "lass 99") == "unknown class 'lass 99' in run.npz; classes whose name contains it: "
            + "class 99 (99), class 990 (990), class 991 (991), class 992 (992), class 993 (993), class 994 (994), "
            + "class 995 (995), class 996 (996), class 997 (997), class 998 (998), class 999 (999)")
        // "lass 1" is in class 1, 10–19 and 100–199.
        let many = Self.message(names, "lass 1")!
        #expect(many.hasPrefix("unknown class 'lass 1' in run.npz; classes whose name contains it: class 1 (1), class 10 (10),"))
        #expect(many.hasSuffix(", … (111 in all)"))
        let none = Self.message(names, "eel")!
        #expect(none.hasPrefix("unknown class 'eel' in run.npz; the run has 1000 classes, ids 0…999: class 0, class 1,"))
        #expect(none.hasSuffix("class 19, …") && none.count < 300)
    }

    @Test("a name several classes share is made distinct by each one's id, and a note says which")
    func sharedNames() throws {
        var notes: [String] = []
        let names = try RunChecks.classNames(
            ["crane", "tench", "crane", "maillot", "maillot"], origin: .key("class_names"), classes: 5, file: "run.npz", notes: &notes)
        #expect(names == ["crane (0)", "tench", "crane (2)", "maillot (3)", "maillot (4)"])
        #expect(notes == ["run.npz: 2 class names are shared by several classes, 'crane' (0, 2), 'maillot' (3, 4): "
            + "each such class is named with its id, as 'NAME (ID)'"])
        var none: [String] = []
        #expect(try RunChecks.classNames(["a", "b"], origin: .key("class_names"), classes: 2, file: "run.npz", notes: &none) == ["a", "b"])
        #expect(none.isEmpty)
        // Typing the shared name finds both, by the names they now have.
        #expect(Self.message(names, "crane")?.hasSuffix("classes are: crane (0), tench, crane (2), maillot (3), maillot (4)") == true)
        #expect(try Named(classNames: names).classID(for: "crane (2)") == 2)
    }
}
