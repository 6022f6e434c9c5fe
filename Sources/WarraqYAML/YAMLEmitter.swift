import CYAML
import WarraqCore

/// Wraps libyaml's emitter, writing to memory: block style, UTF-8 left unescaped, no line
/// folding. The only place in Warraq that touches `yaml_emitter_t`; it lives at a fixed heap
/// address because libyaml keeps pointers into it.
final class YAMLEmitter {
    private let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
    private let output = OutputBox()

    private final class OutputBox {
        var bytes: [UInt8] = []
    }

    init() throws(WriterError) {
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw WriterError("libyaml could not start an emitter")
        }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let box = Unmanaged<OutputBox>.fromOpaque(data).takeUnretainedValue()
            box.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// One YAML document holding `value`, framed by `---` and, when `explicitEnd`, `...`.
    func document(_ value: JSONValue, explicitEnd: Bool) throws(WriterError) -> [UInt8] {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 0)
        try emit(&event)
        try node(value)
        yaml_document_end_event_initialize(&event, explicitEnd ? 0 : 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
        guard yaml_emitter_flush(emitter) == 1 else { throw WriterError("libyaml could not flush its output") }
        defer { output.bytes.removeAll() }
        return output.bytes
    }

    private func emit(_ event: inout yaml_event_t) throws(WriterError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
            throw WriterError("libyaml could not write: \(problem)")
        }
    }

    private func node(_ value: JSONValue) throws(WriterError) {
        var event = yaml_event_t()
        switch value {
        case .object(let members):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try emit(&event)
            for member in members {
                try scalar(member.key, plain: !YAMLScalarStyle.needsQuotes(member.key))
                try node(member.value)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        case .array(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event)
            for item in items { try node(item) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .string(let text): try scalar(text, plain: !YAMLScalarStyle.needsQuotes(text))
        case .number(let digits): try scalar(digits, plain: true)
        case .bool(let flag): try scalar(flag ? "true" : "false", plain: true)
        case .null: try scalar("null", plain: true)
        }
    }

    /// A scalar, plain when safe, else double-quoted (which escapes whatever it must).
    private func scalar(_ text: String, plain: Bool) throws(WriterError) {
        var event = yaml_event_t()
        // libyaml copies the value; the trailing NUL keeps an empty string's buffer non-empty.
        var bytes = Array(text.utf8) + [0]
        let ok = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_scalar_event_initialize(
                &event, nil, nil, buffer.baseAddress, Int32(buffer.count - 1),
                plain ? 1 : 0, plain ? 0 : 1, plain ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE
            )
        }
        guard ok == 1 else { throw WriterError("libyaml could not make a scalar") }
        try emit(&event)
    }
}
