extension Canvas {
    /// Positions of the cells to write to turn `previous` into this canvas: every cell
    /// when there is no previous frame of the same size, else only those that changed.
    /// Continuation cells are never listed (their wide character is); a wide character
    /// is rewritten when either of its halves changed.
    public func changedCells(since previous: Canvas?) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        let sameSize = previous?.width == width && previous?.height == height
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                if cell.isContinuation { continue }
                if sameSize, let old = previous, old[x, y] == cell,
                   cell.width != 2 || old[x + 1, y] == self[x + 1, y] {
                    continue
                }
                out.append((x, y))
            }
        }
        return out
    }
}
