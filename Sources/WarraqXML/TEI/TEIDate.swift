/// A document's `date` as a value for TEI's `@when`, which both jing and libxml2 check as an XML
/// Schema date: ASCII digits, real months and days, a seconds field in a time, real time zones.
enum TEIDate {
    /// `2024`, `2024-12`, `2024-12-03` or `2024-12-03T10:15:00+03:00`, as precise as `date` is
    /// (a time without seconds gains `:00`, which `xsd:dateTime` requires); a time that is not
    /// valid leaves the date alone; nil when not even the year-month-day part is a real date.
    static func when(_ date: String?) -> String? {
        guard let date else { return nil }
        var scanner = Scanner(asciiDigits(date.trimmingWhitespace()))
        guard let year = scanner.number(4), year >= 1 else { return nil }
        var result = pad(year, 4)
        guard scanner.skip("-") else { return scanner.atEnd ? result : nil }
        guard let month = scanner.number(2), (1...12).contains(month) else { return nil }
        result += "-" + pad(month, 2)
        guard scanner.skip("-") else { return scanner.atEnd ? result : nil }
        guard let day = scanner.number(2), (1...daysIn(month, of: year)).contains(day) else { return nil }
        result += "-" + pad(day, 2)
        guard !scanner.atEnd, scanner.skip("T") || scanner.skip(" "), let time = time(&scanner), scanner.atEnd else { return result }
        return result + "T" + time
    }

    /// `hh:mm[:ss[.fff]][zone]` as `hh:mm:ss[.fff][zone]`, or nil.
    private static func time(_ scanner: inout Scanner) -> String? {
        guard let hour = scanner.number(2), hour < 24, scanner.skip(":"),
              let minute = scanner.number(2), minute < 60 else { return nil }
        var second = "00"
        if scanner.skip(":") {
            guard let value = scanner.number(2), value < 60 else { return nil }
            second = pad(value, 2)
            if scanner.skip(".") {
                let fraction = scanner.digits()
                guard !fraction.isEmpty else { return nil }
                second += "." + fraction
            }
        }
        var zone = ""
        if scanner.skip("Z") {
            zone = "Z"
        } else if let sign = scanner.skip("+") ? "+" : scanner.skip("-") ? "-" : nil {
            guard let hours = scanner.number(2, beforeDigit: true) else { return nil }
            _ = scanner.skip(":")
            // The zones in use, −12:00 to +14:00: jing refuses some that XML Schema allows (−13:59).
            let limit = sign == "+" ? 14 * 60 : 12 * 60
            guard let minutes = scanner.number(2), minutes < 60, hours * 60 + minutes <= limit else { return nil }
            zone = sign + pad(hours, 2) + ":" + pad(minutes, 2)
        }
        return pad(hour, 2) + ":" + pad(minute, 2) + ":" + second + zone
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Decimal digits of any script (`٢٠٢٤`, `۲۰۲۴`) as ASCII.
    private static func asciiDigits(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { scalar in
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return scalar }
            return Unicode.Scalar(UInt8(48 + Int(value)))
        }
    }

    /// Reads fixed-width numbers and separators from the front of a date.
    private struct Scanner {
        private let scalars: [Unicode.Scalar]
        private var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { position == scalars.count }

        mutating func skip(_ separator: Unicode.Scalar) -> Bool {
            guard position < scalars.count, scalars[position] == separator else { return false }
            position += 1
            return true
        }

        /// Exactly `width` ASCII digits, not followed by another digit unless `beforeDigit`
        /// (the hours of a zone written `+0300`).
        mutating func number(_ width: Int, beforeDigit: Bool = false) -> Int? {
            let end = position + width
            guard end <= scalars.count, scalars[position..<end].allSatisfy(Self.isDigit),
                  beforeDigit || end == scalars.count || !Self.isDigit(scalars[end]) else { return nil }
            defer { position = end }
            return Int(String(String.UnicodeScalarView(scalars[position..<end])))
        }

        mutating func digits() -> String {
            let start = position
            while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
            return String(String.UnicodeScalarView(scalars[start..<position]))
        }

        private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    }
}
