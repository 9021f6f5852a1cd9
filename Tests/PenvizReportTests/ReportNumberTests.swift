import Testing

@testable import PenvizReport

/// `ReportNumber`: plain decimals with a fixed number of significant digits.
@Suite("Report numbers")
struct ReportNumberTests {
    @Test("three significant digits as plain decimals, rounding carried into the next digit")
    func significant() {
        #expect(ReportNumber.significant(15.11) == "15.1")
        #expect(ReportNumber.significant(0.008757) == "0.00876")
        #expect(ReportNumber.significant(9.996) == "10.0")
        #expect(ReportNumber.significant(1234.6) == "1235")
        #expect(ReportNumber.significant(-0.5) == "−0.500")
        #expect(ReportNumber.significant(0) == "0")
        #expect(ReportNumber.significant(3e-6) == "3.00e−06")
    }

    @Test("settings drop trailing zeros; factors, ratios, percentages, points and counts")
    func others() {
        #expect(ReportNumber.parameter(0.1) == "0.1")
        #expect(ReportNumber.parameter(1) == "1")
        #expect(ReportNumber.parameter(0.62234) == "0.6223")
        #expect(ReportNumber.factor(7.87) == "7.9×")
        #expect(ReportNumber.factor(12.4) == "12×")
        #expect(ReportNumber.ratio(0.2853) == "×0.285")
        #expect(ReportNumber.percent(0.9287) == "92.87 %")
        #expect(ReportNumber.points(0.0059) == "+0.59 points")
        #expect(ReportNumber.points(-0.025) == "−2.50 points")
        #expect(ReportNumber.points(-0.025, signed: false) == "2.50 points")
        #expect(ReportNumber.count(10_000) == "10\u{202F}000")
        #expect(ReportNumber.count(600) == "600")
        #expect(ReportNumber.cell(nil) == "–")
        #expect(ReportNumber.cell(0.88) == "0.8800")
    }
}
