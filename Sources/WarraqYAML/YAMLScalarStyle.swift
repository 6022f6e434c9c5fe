/// When a string must be quoted in YAML: whenever a YAML 1.1 or 1.2 loader could read it as
/// anything but that string (a boolean, null, a number, a date, a merge key), or its spaces,
/// line breaks or special characters would not survive a plain scalar. libyaml checks syntax
/// only, so these rules are ours; quoting more than needed is harmless, less is data loss.
public enum YAMLScalarStyle {
    /// Words YAML 1.1 or 1.2 reads as booleans or null, in every case form they accept.
    static let specialWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        "null", "Null", "NULL", "~",
        ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
        ".nan", ".NaN", ".NAN", "<<", "=",
    ]

    /// Characters that start a YAML indicator when first in a plain scalar.
    static let leadingIndicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    /// True when `text` must be written quoted.
    public static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if specialWords.contains(text) { return true }
        if leadingIndicators.contains(first) { return true }
        // Anything that starts like a number, a date, a time or a sexagesimal: 1.0, 0x1F, 1e3,
        // +1, .5, 12:30, 2024-01-01, 1_000.
        if ("0"..."9").contains(first) || first == "+" || first == "." { return true }
        if isSpace(first) || isSpace(last) { return true }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
            default: break
            }
            if scalar == "#", isSpace(previous) { return true }
            if previous == ":", isSpace(scalar) { return true }
            previous = scalar
        }
        return last == ":"
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.properties.isWhitespace
    }
}
