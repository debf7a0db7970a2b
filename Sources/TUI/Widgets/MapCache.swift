import Foundation

/// One drawn map cell.
public struct MapCell: Sendable, Equatable {
    public var character: Character
    public var style: CellStyle
}

/// The last map layer a screen drew, kept until its viewport, size or glyphs change. A
/// reference type so a screen's `draw` (which cannot mutate the screen) can fill it.
public final class MapCache: @unchecked Sendable {
    public struct Key: Equatable, Sendable {
        public var viewport: MapViewport
        public var width: Int
        public var height: Int
        public var unicode: Bool
    }

    private let lock = NSLock()
    private var key: Key?
    private var cells: [MapCell?] = []

    public init() {}

    public func cells(for key: Key) -> [MapCell?]? {
        lock.withLock { self.key == key ? cells : nil }
    }

    public func store(_ cells: [MapCell?], for key: Key) {
        lock.withLock {
            self.key = key
            self.cells = cells
        }
    }
}
