import CLibXML2

/// libxml2 loads whatever a document or schema refers to through one global loader; parser
/// options such as `NONET` do not reach every path (a RELAX NG `include` or `externalRef` is
/// fetched with no options at all, over HTTP if asked). Installing libxml2's own no-network
/// loader closes them all: local files still load, `http://` and `ftp://` never do.
enum NoNetwork {
    private static let installed: Void = xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)

    /// Call before any parse; cheap after the first time.
    static func install() { installed }
}
