import Testing
import PenvizRender

@Suite struct PDFOutputTests {
    @Test func pdfStartsWithItsSignatureAndCarriesTheFixedDate() throws {
        let pdf = try TestFigures.scatter(perClass: 20).encoded(as: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        // Cairo 1.16 leaves out the "D:" prefix that later versions write.
        for key in ["/CreationDate", "/ModDate"] {
            #expect(text.contains("\(key) (20000101000000") || text.contains("\(key) (D:20000101000000"))
        }
    }
}
